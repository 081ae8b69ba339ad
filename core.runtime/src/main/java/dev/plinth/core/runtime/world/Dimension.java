package dev.plinth.core.runtime.world;

import java.util.Locale;
import java.util.Optional;

/** The three dimensions of a server; each has one {@link World}. */
public enum Dimension {
    /** The overworld, where players join. */
    OVERWORLD("overworld"),
    /** The nether. */
    NETHER("nether"),
    /** The end. */
    THE_END("the_end");

    private final String id;

    Dimension(String id) {
        this.id = id;
    }

    /**
     * The dimension's name as scripts and the shell write it.
     *
     * @return {@code overworld}, {@code nether} or {@code the_end}
     */
    public String id() {
        return id;
    }

    /**
     * Finds a dimension by its {@link #id()}, ignoring case; {@code end} is accepted for {@link #THE_END}.
     *
     * @param id the name
     * @return the dimension, or empty for an unknown name
     */
    public static Optional<Dimension> byId(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        for (Dimension dimension : values()) {
            if (dimension.id.equals(key)) {
                return Optional.of(dimension);
            }
        }
        return key.equals("end") ? Optional.of(THE_END) : Optional.empty();
    }
}
