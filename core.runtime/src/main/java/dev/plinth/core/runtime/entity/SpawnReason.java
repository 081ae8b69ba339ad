package dev.plinth.core.runtime.entity;

import java.util.Locale;

/** Why an entity appeared in a world. */
public enum SpawnReason {
    /** The world spawned it by its own rules. */
    NATURAL,
    /** A spawner block. */
    SPAWNER,
    /** A command. */
    COMMAND,
    /** A plugin through {@link dev.plinth.core.runtime.world.World#spawnEntity}. */
    PLUGIN,
    /** An item dropped by a player, a broken block or a death. */
    DROP;

    /**
     * The reason's name as scripts write it.
     *
     * @return for example {@code plugin}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
