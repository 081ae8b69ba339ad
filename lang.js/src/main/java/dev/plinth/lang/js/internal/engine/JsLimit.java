package dev.plinth.lang.js.internal.engine;

/** The limits a JavaScript call can break. */
public enum JsLimit {
    /** The statement budget of a tick (or of the start), counted by GraalJS: breaking it stops the resource. */
    STATEMENTS("statement budget"),
    /** The wall-clock bound of one call: the watchdog interrupts it. */
    TIME("time limit"),
    /** The bytes one call may allocate. */
    MEMORY("memory limit");

    private final String text;

    JsLimit(String text) {
        this.text = text;
    }

    /** {@return the limit as users read it} */
    public String text() {
        return text;
    }
}
