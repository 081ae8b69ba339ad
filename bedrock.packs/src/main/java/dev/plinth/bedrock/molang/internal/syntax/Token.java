package dev.plinth.bedrock.molang.internal.syntax;

/**
 * One token of a Molang source.
 *
 * @param kind what it is
 * @param text its text; names in lower case, strings without their quotes
 * @param number the value of a number token, 0 otherwise
 * @param offset where it starts in the source, from 0
 */
record Token(TokenKind kind, String text, double number, int offset) {

    /** How an error message names this token: {@code ')'}, {@code 'query'}, {@code the end}. */
    String shown() {
        return switch (kind) {
            case NAME -> "'" + text + "'";
            case NUMBER -> "number " + text;
            case STRING -> "string '" + text + "'";
            default -> kind.shown();
        };
    }
}
