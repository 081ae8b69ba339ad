package dev.plinth.lang.lua.internal.diagnostics;

import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;

/**
 * LuaJ's syntax errors in the words of PUC Lua 5.2+, which FiveM and MTA scripters read every day:
 * {@code main.lua:3: unexpected symbol near '='}, {@code main.lua:9: 'end' expected (to close 'if' at line 7) near
 * <eof>}. LuaJ's lexer drops the {@code near} part that names the token where the parser stopped, and words an
 * unexpected symbol by its internal token number ({@code unexpected symbol 61 (=)}, {@code unexpected symbol 286 (Ğ)}
 * at the end of the file). Its {@code LexState.lexerror}, where every syntax and lexical error is raised, calls
 * {@link #of} instead (patched at build time by {@code src/build/PatchLuaJ.java}), for every chunk a resource's
 * scripts load: its files, {@code require}, {@code load}.
 *
 * <p>Stateless; thread-safe. Runs only when a chunk fails to compile.
 */
public final class SyntaxErrors {

    /** LuaJ's token numbers ({@code LexState}), which are PUC Lua's: one-character tokens are their own code. */
    private static final int FIRST_RESERVED = 257;
    private static final int END_OF_STREAM = 286;
    /** LuaJ quotes a class of tokens it expected ({@code '<name>' expected}); PUC Lua 5.2+ does not. */
    private static final Pattern QUOTED_CLASS = Pattern.compile("'(<\\w+>)' expected");

    private SyntaxErrors() {}

    /**
     * The error LuaJ's lexer raises, worded as PUC Lua words it.
     *
     * @param chunk the chunk's name as errors show it ({@code main.lua})
     * @param line the line where the lexer stopped
     * @param message what is wrong, in LuaJ's words
     * @param token the token where it stopped; 0 for none
     * @param text that token as LuaJ's lexer reads it back ({@code LexState.txtToken}): a name's, number's or
     *     string's own text, else the token's symbol or keyword
     * @return the error to throw
     */
    public static LuaError of(String chunk, int line, String message, int token, String text) {
        return new LuaError(chunk + ":" + line + ": " + reason(message) + near(token, text));
    }

    /**
     * PUC Lua says {@code unexpected symbol}, then where: LuaJ adds the token's number and character instead. It says
     * {@code <name> expected} and {@code <eof>} where LuaJ says {@code '<name>' expected} and {@code <eos>}.
     */
    private static String reason(String message) {
        if (message.startsWith("unexpected symbol ")) {
            return "unexpected symbol";
        }
        return QUOTED_CLASS.matcher(message).replaceFirst("$1 expected").replace("<eos>", "<eof>");
    }

    /** PUC Lua's {@code txtToken}: names, numbers, strings, symbols and keywords quoted; the end of the file not. */
    private static String near(int token, String text) {
        if (token == 0) {
            return "";
        }
        if (token < FIRST_RESERVED && Character.isISOControl(token)) {
            return " near char(" + token + ")";
        }
        if (token == END_OF_STREAM) {
            return " near <eof>";
        }
        return " near '" + text.replace("\0", "") + "'"; // LuaJ ends a number's text with the NUL it read up to
    }
}
