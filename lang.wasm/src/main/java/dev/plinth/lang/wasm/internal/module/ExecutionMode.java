package dev.plinth.lang.wasm.internal.module;

/** How a module's functions run. */
public enum ExecutionMode {
    /** Every function compiled to JVM bytecode by Chicory's compiler. */
    COMPILED,
    /** Compiled, except functions too large for a JVM method, which Chicory's interpreter runs. */
    MIXED,
    /** Every function run by Chicory's interpreter. */
    INTERPRETED
}
