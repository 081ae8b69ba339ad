package dev.plinth.lang.lua.internal.limits;

import java.util.Objects;
import org.luaj.vm2.LuaClosure;

/**
 * A Lua function's frame that has returned, and the instruction it last ran (a tail call's, when it returned one).
 * Immutable; the closure it names is not.
 *
 * @param closure the function
 * @param pc the index of the instruction it last ran
 */
public record ReturnedFrame(LuaClosure closure, int pc) {

    /** Validates the components. */
    public ReturnedFrame {
        Objects.requireNonNull(closure, "closure");
    }
}
