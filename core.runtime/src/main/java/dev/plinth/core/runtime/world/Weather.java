package dev.plinth.core.runtime.world;

import java.util.Locale;

/** The weather of a world. */
public enum Weather {
    /** No rain. */
    CLEAR,
    /** Rain (snow where it is cold). */
    RAIN,
    /** Rain with lightning. */
    THUNDER;

    /**
     * The weather's name as scripts and the shell write it.
     *
     * @return {@code clear}, {@code rain} or {@code thunder}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
