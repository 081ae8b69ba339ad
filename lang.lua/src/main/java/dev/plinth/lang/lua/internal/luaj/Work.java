package dev.plinth.lang.lua.internal.luaj;

import dev.plinth.lang.lua.internal.limits.Meter;

/**
 * Charges work LuaJ's own Java code does for a script to the meter of the resource whose code runs on the calling
 * thread, and to nothing outside a script call (the host's own use of LuaJ, the memory walker).
 *
 * <p>Stateless: any thread.
 */
final class Work {

    private Work() {}

    /**
     * Charges the current call.
     *
     * @param units instructions' worth of work, clamped to what one charge takes
     * @throws org.luaj.vm2.LuaError a {@code LimitExceededError} when the charge breaks the call's budget
     */
    static void charge(long units) {
        if (Meter.CURRENT.isBound()) {
            Meter.CURRENT.get().charge((int) Math.min(Integer.MAX_VALUE, units));
        }
    }
}
