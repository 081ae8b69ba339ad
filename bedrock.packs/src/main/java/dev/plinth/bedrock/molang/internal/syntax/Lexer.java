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

    /** Powers of ten a double holds exactly, for reading short decimals without {@link Double#parseDouble}. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    };
    /** The most significant digits whose integer a double holds exactly. */
    private static final int EXACT_DIGITS = 15;

    private final String source;
    private final List<Token> tokens;
    private int at;

    private Lexer(String source) {
        this.source = source;
        // about one token in four characters in real packs: one growth at most for most sources
        this.tokens = new ArrayList<>(source.length() / 4 + 2);
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
        tokens.add(new Token(TokenKind.NUMBER, digits, value(digits), start));
    }

    /**
     * The value of digits with an optional point. Up to 15 significant digits, the integer of the digits and the
     * power of ten are both exact doubles, so one division gives the correctly rounded value, as
     * {@link Double#parseDouble} does (which reads the longer ones).
     */
    private static double value(String digits) {
        long mantissa = 0;
        int count = 0;
        int decimals = -1;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '.') {
                decimals = 0;
                continue;
            }
            if (++count > EXACT_DIGITS) {
                return Double.parseDouble(digits);
            }
            mantissa = mantissa * 10 + (c - '0');
            if (decimals >= 0) {
                decimals++;
            }
        }
        return decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
    }

    private void name() {
        int start = at;
        boolean upper = false;
        for (char c = peek(0); isNameStart(c) || isDigit(c); c = peek(0)) {
            upper |= c >= 'A' && c <= 'Z';
            at++;
        }
        String word = source.substring(start, at);
        tokens.add(new Token(TokenKind.NAME, upper ? word.toLowerCase(Locale.ROOT) : word, 0, start));
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
            tokens.add(new Token(two, two.symbol(), 0, at));
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
        tokens.add(new Token(one, one.symbol(), 0, at));
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
