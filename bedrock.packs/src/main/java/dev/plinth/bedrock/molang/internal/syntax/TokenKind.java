package dev.plinth.bedrock.molang.internal.syntax;

/** The kinds of Molang tokens. */
enum TokenKind {
    NUMBER("a number"),
    STRING("a string"),
    NAME("a name"),
    PLUS("'+'"),
    MINUS("'-'"),
    STAR("'*'"),
    SLASH("'/'"),
    BANG("'!'"),
    LEFT_PAREN("'('"),
    RIGHT_PAREN("')'"),
    LEFT_BRACKET("'['"),
    RIGHT_BRACKET("']'"),
    LEFT_BRACE("'{'"),
    RIGHT_BRACE("'}'"),
    COMMA("','"),
    SEMICOLON("';'"),
    QUESTION("'?'"),
    COALESCE("'??'"),
    COLON("':'"),
    ASSIGN("'='"),
    EQUAL("'=='"),
    NOT_EQUAL("'!='"),
    LESS("'<'"),
    LESS_EQUAL("'<='"),
    GREATER("'>'"),
    GREATER_EQUAL("'>='"),
    AND("'&&'"),
    OR("'||'"),
    ARROW("'->'"),
    DOT("'.'"),
    END("the end");

    private final String shown;
    private final String symbol;

    TokenKind(String shown) {
        this.shown = shown;
        this.symbol = shown.startsWith("'") ? shown.substring(1, shown.length() - 1) : "";
    }

    /** The text of a symbol token ({@code +}, {@code ->}), shared by every token of the kind; empty for others. */
    String symbol() {
        return symbol;
    }

    /** How an error message names this kind: {@code ')'}, {@code a number}. */
    String shown() {
        return shown;
    }
}
