package dev.plinth.core.sandbox.internal.host;

/**
 * Text from a script as one console line: every control character (line breaks, the escape character, C1 controls)
 * and every invisible format character (bidirectional overrides) is written as an escape, so the line cannot end
 * early, forge another line or drive the terminal.
 */
public final class ConsoleLine {

    private ConsoleLine() {}

    /**
     * Escapes a text into one line.
     *
     * @param text any text
     * @return the line
     */
    public static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean unsafe = (type == Character.CONTROL && c != '\t') || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            if (!unsafe) {
                if (escaped != null) {
                    escaped.append(c);
                }
                continue;
            }
            if (escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c < 0x100 ? String.format("\\x%02X", (int) c) : String.format("\\u{%04X}", (int) c));
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
