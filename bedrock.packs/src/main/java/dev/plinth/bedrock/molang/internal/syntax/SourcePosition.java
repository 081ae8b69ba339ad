package dev.plinth.bedrock.molang.internal.syntax;

/**
 * A line and column of a source, both from 1.
 *
 * @param line the line
 * @param column the column (a tab counts as one)
 */
public record SourcePosition(int line, int column) {

    /**
     * Finds the line and column of an offset.
     *
     * @param source the source
     * @param offset from 0, up to the source's length (the end)
     * @return the position
     */
    public static SourcePosition of(String source, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, source.length());
        for (int i = 0; i < end; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(line, end - lineStart + 1);
    }
}
