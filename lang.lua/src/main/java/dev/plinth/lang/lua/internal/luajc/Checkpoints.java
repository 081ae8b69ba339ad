package dev.plinth.lang.lua.internal.luajc;

import dev.plinth.lang.lua.internal.limits.Meter;

/**
 * What LuaJC-compiled code calls at its loop back-edges and function entries (inserted by
 * {@link BudgetInstrumentation}): compiled code never calls the interpreter's instruction hook, so this is where
 * its CPU budget, memory limit and stop requests are checked. Public because the compiled classes live in their own
 * class loaders.
 */
public final class Checkpoints {

    private Checkpoints() {}

    /**
     * Charges the meter of the resource whose code runs on this thread.
     *
     * @param instructions the work since the last checkpoint, in instruction units
     */
    public static void charge(int instructions) {
        Meter.current().charge(instructions);
    }
}
