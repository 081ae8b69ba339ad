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

    TokenKind(String shown) {
        this.shown = shown;
    }

    /** How an error message names this kind: {@code ')'}, {@code a number}. */
    String shown() {
        return shown;
    }
}
