package dev.plinth.lang.lua.internal.diagnostics;

import java.util.Locale;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A value of the wrong type given to a function: what LuaJ's {@code LuaValue.argerror(String)} raises for every
 * failed check ({@code checkjstring}, {@code checktable}, {@code optint}...), patched at build time by
 * {@code src/build/PatchLuaJ.java}. LuaJ's words name neither the function nor the argument
 * ({@code bad argument: string expected, got nil}); the value the check failed on lets the host function that was
 * called find the argument's position and say it as PUC Lua's {@code luaL_argerror} does ({@link #named}).
 *
 * <p>Immutable once thrown, like its message.
 */
public final class ArgumentError extends LuaError {

    private static final long serialVersionUID = 1L;

    private final transient LuaValue value;
    private final String expected;

    private ArgumentError(LuaValue value, String expected) {
        super("bad argument: " + expected + " expected, got " + value.typename());
        this.value = value;
        this.expected = expected;
    }

    /**
     * The error of a failed check, the type said by its Lua name: LuaJ says the Java one ({@code int}, {@code long},
     * {@code double}, {@code String}, {@code closure}) where Lua says {@code number}, {@code string},
     * {@code function}.
     *
     * @param value the value the check failed on
     * @param expected the type it wanted
     * @return the error to throw
     */
    public static ArgumentError of(LuaValue value, String expected) {
        return new ArgumentError(value, switch (expected) {
            case "int", "integer", "long", "double" -> "number";
            case "closure" -> "function";
            default -> expected.toLowerCase(Locale.ROOT);
        });
    }

    /**
     * The error said as PUC Lua says it for a function of the host: {@code bad argument #1 to 'give_item' (string
     * expected, got nil)}, {@code got no value} past the last argument given. The argument is the first one that is
     * the value the check failed on; a value that is none of them (a field of an options table) is said without a
     * number.
     *
     * @param function the function's name, {@code ?} when it has none
     * @param args the arguments it was called with, the object first for a method
     * @param method whether it was called as a method ({@code player:give_item}): the object is not counted
     * @return the message
     */
    public String named(String function, Varargs args, boolean method) {
        int first = method ? 2 : 1;
        for (int i = first; i <= Math.max(args.narg(), first); i++) {
            if (args.arg(i) == value) {
                String got = i > args.narg() ? "no value" : value.typename();
                return "bad argument #" + (i - first + 1) + " to '" + function + "' (" + expected + " expected, got "
                        + got + ")";
            }
        }
        return "bad argument to '" + function + "' (" + expected + " expected, got " + value.typename() + ")";
    }
}
