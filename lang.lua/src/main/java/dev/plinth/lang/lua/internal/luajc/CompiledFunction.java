package dev.plinth.lang.lua.internal.luajc;

import org.luaj.vm2.UpValue;

/**
 * What every class LuaJC compiled implements once instrumented ({@link BudgetInstrumentation}): its upvalues as the
 * interpreter holds them, sharing the compiled function's cells, so the same function can run interpreted where its
 * local variables must be seen ({@link Checkpoints#interpreted}). Public because the compiled classes live in their
 * own class loaders.
 */
public interface CompiledFunction {

    /**
     * The function's upvalues, indexed as its prototype's: a value the function may assign shares its cell with the
     * compiled function, a value it only reads is copied.
     *
     * @return new upvalues; {@code null} where the compiled class has no field for one
     */
    UpValue[] plinthUpvalues();
}
