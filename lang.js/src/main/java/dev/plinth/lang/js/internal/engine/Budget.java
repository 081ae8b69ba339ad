package dev.plinth.lang.js.internal.engine;

/** Which bounds a call runs under. */
public enum Budget {
    /** The start: the entry modules, {@code onAttach}, {@code onBootstrap}; the start's timeout, a fresh budget. */
    START,
    /** The stop hook, {@code onDetach}: the stop's timeout, a fresh budget. */
    STOP,
    /** A handler, a command, a task, a timer, an export: the call timeout and the tick's statement budget. */
    CALL
}
