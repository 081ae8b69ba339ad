package dev.plinth.lang.lua.internal.limits;

/** A limit a Lua call can break. */
public enum Limit {
    /** The instructions of one call. */
    CALL_INSTRUCTIONS("instruction budget per call"),
    /** The instructions of every call within one tick. */
    TICK_INSTRUCTIONS("instruction budget per tick"),
    /** The bytes one call may allocate. */
    MEMORY("memory limit");

    private final String description;

    Limit(String description) {
        this.description = description;
    }

    /**
     * How users read it in messages.
     *
     * @return for example {@code instruction budget per call}
     */
    public String description() {
        return description;
    }
}
