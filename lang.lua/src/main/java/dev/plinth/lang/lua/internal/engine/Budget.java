package dev.plinth.lang.lua.internal.engine;

/** Which instruction budget a call into a resource gets. */
public enum Budget {
    /** A handler, a command, a task, an exported function: {@code instructionsPerCall}. */
    CALL,
    /** The main chunk, {@code on_enable} and {@code on_disable}: {@code instructionsPerStart}. */
    START
}
