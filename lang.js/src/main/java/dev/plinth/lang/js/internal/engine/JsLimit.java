package dev.plinth.lang.js.internal.engine;

/** The limits a JavaScript call can break. */
public enum JsLimit {
    /** The statements of one call (or of one start step, or of the stop hook): the call is interrupted. */
    CALL_STATEMENTS("statement budget per call"),
    /** The statements of every call within one tick (the resource's, and those made on its behalf). */
    TICK_STATEMENTS("statement budget per tick"),
    /** The wall-clock bound of one call: the watchdog interrupts it. */
    TIME("time limit"),
    /** The bytes one call may allocate. */
    MEMORY("memory limit"),
    /** The bytes the resource keeps, measured from its roots off the game thread ({@code max_memory_mb}). */
    RETAINED_MEMORY("retained memory limit");

    private final String text;

    JsLimit(String text) {
        this.text = text;
    }

    /** {@return the limit as users read it} */
    public String text() {
        return text;
    }
}
