package dev.plinth.core.sandbox.permission;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A group of the host API a resource's manifest may grant, by its {@code [permissions]} key. */
public enum Permission {
    /** Players: messages, items, teleporting, kicking, forms, looking players up. */
    PLAYER(true),
    /** Worlds: blocks, time, weather, spawn points, entities. */
    WORLD(true),
    /** Registering in-game commands. */
    COMMANDS(true),
    /** Scheduling tasks. */
    SCHEDULER(true),
    /** The network: scripts get no network access, so granting it grants nothing. */
    NETWORK(false),
    /** The file system beyond the resource's own config: scripts get none, so granting it grants nothing. */
    FILESYSTEM(false);

    private final boolean grantsApi;

    Permission(boolean grantsApi) {
        this.grantsApi = grantsApi;
    }

    /**
     * The key in {@code [permissions]}.
     *
     * @return for example {@code player}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether granting it gives a script any API ({@code network} and {@code filesystem} give none).
     *
     * @return {@code true} for the four groups with an API
     */
    public boolean grantsApi() {
        return grantsApi;
    }

    /**
     * The permission of a {@code [permissions]} key.
     *
     * @param id the key, for example {@code world}
     * @return the permission, or empty for a key that is none
     */
    public static Optional<Permission> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Every key, for messages.
     *
     * @return {@code player, world, commands, scheduler, network, filesystem}
     */
    public static String ids() {
        return Arrays.stream(values()).map(Permission::id).collect(Collectors.joining(", "));
    }
}
