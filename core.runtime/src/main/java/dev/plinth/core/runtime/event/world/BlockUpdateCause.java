package dev.plinth.core.runtime.event.world;

import java.util.Locale;

/** Why a block changes. */
public enum BlockUpdateCause {
    /** A player broke it. */
    PLAYER_BREAK,
    /** A player placed it. */
    PLAYER_PLACE,
    /** An explosion destroyed it. */
    EXPLOSION,
    /** A plugin set it. */
    PLUGIN;

    /**
     * The cause's name as scripts write it.
     *
     * @return for example {@code player_break}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
