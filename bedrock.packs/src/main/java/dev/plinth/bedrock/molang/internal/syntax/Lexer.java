package dev.plinth.bedrock.molang.internal.syntax;

import dev.plinth.bedrock.molang.MolangErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a Molang source into tokens. Names are lower-cased (Molang is case-insensitive except in strings); numbers
 * may end with {@code f} ({@code 1.0f}); strings are quoted with {@code '} and have no escapes.
 */
final class Lexer {

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private Lexer(String source) {
        this.source = source;
    }

    /**
     * Reads every token of a source, ending with an {@link TokenKind#END} token.
     *
     * @param source the source
     * @return the tokens
     * @throws dev.plinth.bedrock.molang.MolangSyntaxException on a character no token starts with or an unclosed
     *     string
     */
    static List<Token> tokens(String source) {
        var lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipSpace();
            if (at >= source.length()) {
                tokens.add(new Token(TokenKind.END, "", 0, at));
                return;
            }
            char c = source.charAt(at);
            if (isDigit(c) || (c == '.' && isDigit(peek(1)) && !afterName())) {
                number();
            } else if (isNameStart(c)) {
                name();
            } else if (c == '\'') {
                string();
            } else {
                symbol(c);
            }
        }
    }

    private void skipSpace() {
        while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
            at++;
        }
    }

    private boolean afterName() {
        if (tokens.isEmpty()) {
            return false;
        }
        TokenKind last = tokens.getLast().kind();
        return last == TokenKind.NAME || last == TokenKind.RIGHT_PAREN || last == TokenKind.RIGHT_BRACKET;
    }

    private void number() {
        int start = at;
        while (isDigit(peek(0))) {
            at++;
        }
        if (peek(0) == '.' && isDigit(peek(1))) {
            at++;
            while (isDigit(peek(0))) {
                at++;
            }
        } else if (peek(0) == '.' && !isNameStart(peek(1))) {
            at++; // "1." is 1
        }
        String digits = source.substring(start, at);
        if (peek(0) == 'f' || peek(0) == 'F') {
            at++;
        }
        if (isNameStart(peek(0)) || isDigit(peek(0))) {
            throw Failures.syntax(MolangErrorCode.UNEXPECTED_CHARACTER, source, at,
                    "unexpected '" + peek(0) + "' after the number " + digits);
        }
        tokens.add(new Token(TokenKind.NUMBER, digits, Double.parseDouble(digits), start));
    }

    private void name() {
        int start = at;
        while (isNameStart(peek(0)) || isDigit(peek(0))) {
            at++;
        }
        tokens.add(new Token(TokenKind.NAME, source.substring(start, at).toLowerCase(Locale.ROOT), 0, start));
    }

    private void string() {
        int start = at;
        int end = source.indexOf('\'', at + 1);
        if (end < 0) {
            throw Failures.syntax(MolangErrorCode.UNTERMINATED_STRING, source, start,
                    "the string is not closed with '");
        }
        tokens.add(new Token(TokenKind.STRING, source.substring(start + 1, end), 0, start));
        at = end + 1;
    }

    private void symbol(char c) {
        char next = peek(1);
        TokenKind two = switch (c) {
            case '=' -> next == '=' ? TokenKind.EQUAL : null;
            case '!' -> next == '=' ? TokenKind.NOT_EQUAL : null;
            case '<' -> next == '=' ? TokenKind.LESS_EQUAL : null;
            case '>' -> next == '=' ? TokenKind.GREATER_EQUAL : null;
            case '&' -> next == '&' ? TokenKind.AND : null;
            case '|' -> next == '|' ? TokenKind.OR : null;
            case '?' -> next == '?' ? TokenKind.COALESCE : null;
            case '-' -> next == '>' ? TokenKind.ARROW : null;
            default -> null;
        };
        if (two != null) {
            tokens.add(new Token(two, source.substring(at, at + 2), 0, at));
            at += 2;
            return;
        }
        TokenKind one = switch (c) {
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '*' -> TokenKind.STAR;
            case '/' -> TokenKind.SLASH;
            case '!' -> TokenKind.BANG;
            case '(' -> TokenKind.LEFT_PAREN;
            case ')' -> TokenKind.RIGHT_PAREN;
            case '[' -> TokenKind.LEFT_BRACKET;
            case ']' -> TokenKind.RIGHT_BRACKET;
            case '{' -> TokenKind.LEFT_BRACE;
            case '}' -> TokenKind.RIGHT_BRACE;
            case ',' -> TokenKind.COMMA;
            case ';' -> TokenKind.SEMICOLON;
            case '?' -> TokenKind.QUESTION;
            case ':' -> TokenKind.COLON;
            case '=' -> TokenKind.ASSIGN;
            case '<' -> TokenKind.LESS;
            case '>' -> TokenKind.GREATER;
            case '.' -> TokenKind.DOT;
            default -> throw Failures.syntax(MolangErrorCode.UNEXPECTED_CHARACTER, source, at,
                    "unexpected character " + describe(c));
        };
        tokens.add(new Token(one, String.valueOf(c), 0, at));
        at++;
    }

    private char peek(int ahead) {
        int i = at + ahead;
        return i < source.length() ? source.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static String describe(char c) {
        if (c >= ' ' && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
