package dev.plinth.lang.lua.internal.binding;

import dev.plinth.lang.lua.internal.diagnostics.ArgumentError;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.util.function.Supplier;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The boundary between Lua and the host's Java code: whatever a host function throws reaches the script as a Lua
 * error, which {@code pcall} catches like any other ({@code pcall(player.give_item, p, "x", -5)} returns false and
 * the host's message). A value of the wrong type is said as PUC Lua says it, the function and the argument named
 * ({@code bad argument #1 to 'give_item' (string expected, got nil)}); the script's file and line come first, as for
 * any error. Limit errors are Lua errors already and pass unchanged.
 */
public final class HostCalls {

    private HostCalls() {}

    /**
     * Runs one host function.
     *
     * @param <T> its result type
     * @param body the function's Java body
     * @return its result
     * @throws LuaError for any failure of the body, with the host's message
     */
    public static <T> T call(Supplier<T> body) {
        return call("?", LuaValue.NONE, false, body);
    }

    /**
     * Runs one host function that has a name.
     *
     * @param <T> its result type
     * @param function its name as Lua calls it ({@code give_item})
     * @param args the arguments it was called with, the object first for a method
     * @param method whether it is a method of a host type (its object is not counted among the arguments)
     * @param body the function's Java body
     * @return its result
     * @throws LuaError for any failure of the body, with the host's message
     */
    public static <T> T call(String function, Varargs args, boolean method, Supplier<T> body) {
        try {
            return body.get();
        } catch (ArgumentError e) {
            throw raisedHere(e) ? new LuaError(e.named(function, args, method)) : e;
        } catch (LuaError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LuaError(message(e));
        }
    }

    /**
     * A host failure as a script reads it.
     *
     * @param failure what the host threw
     * @return its message, or its type when it has none
     */
    public static String message(RuntimeException failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /**
     * Whether a failed check is the host function's own, not one of Lua code the function called (a handler that
     * {@code mc.emit} runs): no Lua frame between where it was raised and this boundary. Read only on failure.
     */
    private static boolean raisedHere(ArgumentError error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().equals(HostCalls.class.getName())) {
                return true;
            }
            if (frame.getClassName().equals(LuaClosure.class.getName()) || LuaJcCompiler.isLuaFrame(frame)) {
                return false;
            }
        }
        return true;
    }
}
