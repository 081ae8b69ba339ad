package dev.plinth.lang.wasm.internal.meter;

/** What a call into a module is for, which decides its fuel budget and its wall-clock bound. */
public enum CallKind {
    /** Instantiation (the module's start function, {@code _initialize}) and {@code on_enable}: the start's bound. */
    START,
    /** {@code on_disable}: the start's fuel, the stop's bound. */
    STOP,
    /** An event handler. */
    EVENT,
    /** A command. */
    COMMAND,
    /** A scheduled task. */
    TASK,
    /** Any other export, called from the shell ({@code wasm:call}) or from another resource. */
    CALL;

    /** {@return whether the call is made by the game while it runs, and so counts against the tick's budget} */
    public boolean tickBound() {
        return this != START && this != STOP;
    }
}
