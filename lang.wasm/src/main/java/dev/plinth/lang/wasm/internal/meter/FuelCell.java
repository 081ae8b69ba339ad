package dev.plinth.lang.wasm.internal.meter;

/**
 * Where a module instance keeps its fuel: the fuel global of the metered module (interpreted code reads it there),
 * or, for a module compiled to JVM bytecode, a static field of a class generated beside the module's classes, which
 * the compiled code reads and writes directly instead of the global (one field access instead of a lookup through
 * the instance). Public because the generated class, in the compiled module's class loader, implements it.
 *
 * <p>Confined to the thread of the call in progress.
 */
public interface FuelCell {

    /** {@return the fuel left} */
    long get();

    /**
     * Sets the fuel left.
     *
     * @param fuel the fuel
     */
    void set(long fuel);
}
