package dev.plinth.lang.js.internal.engine;

/** Which bounds a call runs under. */
public enum Budget {
    /** The start and the stop: the entry module, the lifecycle hooks; the start's timeout, a fresh statement budget. */
    START,
    /** A handler, a command, a task, a timer, an export: the call timeout and the tick's statement budget. */
    CALL
}
