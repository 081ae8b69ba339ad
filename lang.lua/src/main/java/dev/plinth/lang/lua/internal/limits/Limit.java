package dev.plinth.lang.lua.internal.limits;

/** A limit a Lua call can break. */
public enum Limit {
    /** The instructions of one call. */
    CALL_INSTRUCTIONS("instruction budget per call", false),
    /** The instructions of every call within one tick (of the resource, and of calls made on its behalf). */
    TICK_INSTRUCTIONS("instruction budget per tick", false),
    /** The wall-clock bound of one call. */
    WALL_CLOCK("wall-clock bound", false),
    /** The bytes one call may allocate. */
    MEMORY("memory limit", true),
    /** The bytes the resource keeps, measured from its roots. */
    RETAINED_MEMORY("retained memory limit", true);

    private final String description;
    private final boolean fatal;

    Limit(String description, boolean fatal) {
        this.description = description;
        this.fatal = fatal;
    }

    /**
     * How users read it in messages.
     *
     * @return for example {@code instruction budget per call}
     */
    public String description() {
        return description;
    }

    /**
     * Whether breaking it once stops the resource (a memory limit), rather than counting as one offence.
     *
     * @return {@code true} for the memory limit
     */
    public boolean fatal() {
        return fatal;
    }
}
