package dev.plinth.lang.lua.internal.luajc;

import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Varargs;

/**
 * What LuaJC-compiled code calls at its loop back-edges and function entries (inserted by
 * {@link BudgetInstrumentation}): compiled code never calls the interpreter's instruction hook, so this is where
 * its CPU budget, memory limit and stop requests are checked. On a coroutine of its resource, a compiled function
 * runs interpreted ({@link #interpreted}): the local variables of compiled code live on its Java thread's stack, where
 * the memory walk cannot see what a suspended coroutine keeps in them; the interpreter's live in arrays the walk
 * reads. Public because the compiled classes live in their own class loaders.
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

    /**
     * A compiled function's entry: charges one instruction unit and says whether the function must run interpreted.
     *
     * @return {@code true} on a coroutine of the resource whose code runs on this thread
     */
    public static boolean enter() {
        Meter meter = Meter.current();
        meter.charge(1);
        return meter.coroutine() != null;
    }

    /**
     * Runs a compiled function interpreted, on the prototype it was compiled from and with its upvalues.
     *
     * @param compiled the function
     * @param args its arguments
     * @return its results
     */
    public static Varargs interpreted(LuaFunction compiled, Varargs args) {
        Globals globals = Meter.current().coroutine();
        if (globals == null || !(compiled instanceof CompiledFunction function)
                || !(compiled.getClass().getClassLoader() instanceof ChunkClassLoader loader)) {
            throw new LuaError("compiled function " + compiled.getClass().getName() + " cannot run interpreted");
        }
        Prototype prototype = loader.prototype(compiled.getClass().getName()).orElseThrow(() -> new LuaError(
                "compiled function " + compiled.getClass().getName() + " has no prototype"));
        UpValue[] compiledUpvalues = function.plinthUpvalues();
        var upvalues = new UpValue[prototype.upvalues.length];
        for (int i = 0; i < upvalues.length; i++) {
            upvalues[i] = i < compiledUpvalues.length && compiledUpvalues[i] != null
                    ? compiledUpvalues[i] : new UpValue(new LuaValue[] {LuaValue.NIL}, 0);
        }
        var closure = new LuaClosure(prototype, globals);
        closure.upValues = upvalues;
        return closure.invoke(args);
    }
}
