package dev.plinth.lang.lua.internal.binding;

import java.util.function.Supplier;
import org.luaj.vm2.LuaError;

/**
 * The boundary between Lua and the host's Java code: whatever a host function throws reaches the script as a Lua
 * error, which {@code pcall} catches like any other ({@code pcall(player.give_item, p, "x", -5)} returns false and
 * the host's message). Limit errors are Lua errors already and pass unchanged.
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
        try {
            return body.get();
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
}
