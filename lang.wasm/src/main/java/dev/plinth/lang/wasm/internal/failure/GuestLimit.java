package dev.plinth.lang.wasm.internal.failure;

/** The limits a call into a module may break. */
public enum GuestLimit {
    /** The fuel (instructions) one call may spend. */
    CALL_FUEL("fuel per call exhausted"),
    /** The fuel all of the resource's calls within one tick may spend. */
    TICK_FUEL("fuel per tick exhausted"),
    /** The wall-clock time one call may take, whatever its fuel. */
    WALL_CLOCK("interrupted: the call ran too long"),
    /** The memory the resource may keep. */
    MEMORY("memory limit exceeded");

    private final String description;

    GuestLimit(String description) {
        this.description = description;
    }

    /** {@return how the limit reads in messages} */
    public String description() {
        return description;
    }
}
