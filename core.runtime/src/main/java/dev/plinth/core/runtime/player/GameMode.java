package dev.plinth.core.runtime.player;

import java.util.Locale;
import java.util.Optional;

/** How a player plays. */
public enum GameMode {
    /** Gathers, builds, takes damage. */
    SURVIVAL,
    /** Unlimited blocks, flight, no damage except from the void. */
    CREATIVE,
    /** May not break or place blocks. */
    ADVENTURE,
    /** Flies through everything, invisible, no damage except from the void. */
    SPECTATOR;

    /**
     * The mode's name as scripts and the shell write it.
     *
     * @return for example {@code survival}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a mode by its {@link #id()}, ignoring case.
     *
     * @param id the name
     * @return the mode, or empty for an unknown name
     */
    public static Optional<GameMode> byId(String id) {
        try {
            return Optional.of(valueOf(id.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
