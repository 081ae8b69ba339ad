package dev.plinth.core.runtime.internal.settings;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.Version;

/**
 * The keys of {@code conf/server.json} that core.runtime reads; the other modules' keys are ignored. A missing key
 * takes its default.
 *
 * @param name the server's name
 * @param commands command settings
 * @param permissions permission groups and their members
 * @param forms form settings
 * @param game game rules of the simulated server
 * @param locale the server's language, a BCP 47 tag ({@code en-US} unless {@code locale} says otherwise)
 */
public record ServerConfig(String name, Commands commands, Permissions permissions, Forms forms, Game game,
        String locale) {

    /** Every key at its default. */
    public static final ServerConfig DEFAULTS = new ServerConfig(null, null, null, null, null, null);

    /** Fills in the defaults. */
    public ServerConfig {
        name = Objects.requireNonNullElse(name, "Plinth server");
        commands = Objects.requireNonNullElse(commands, new Commands(null));
        permissions = Objects.requireNonNullElse(permissions, new Permissions(null, null));
        forms = Objects.requireNonNullElse(forms, new Forms(null));
        game = Objects.requireNonNullElse(game, new Game(null, null, null));
        locale = Objects.requireNonNullElse(locale, "en-US");
    }

    /**
     * The settings with the default language.
     *
     * @param name the server's name
     * @param commands command settings
     * @param permissions permission groups and their members
     * @param forms form settings
     * @param game game rules of the simulated server
     */
    public ServerConfig(String name, Commands commands, Permissions permissions, Forms forms, Game game) {
        this(name, commands, permissions, forms, game, null);
    }

    /**
     * {@code commands}.
     *
     * @param owners command name → the resource that owns the bare {@code /name} when several register it
     */
    public record Commands(Map<String, String> owners) {
        /** Fills in the default: first registered wins everywhere. */
        public Commands {
            owners = Map.copyOf(Objects.requireNonNullElse(owners, Map.of()));
        }
    }

    /**
     * {@code permissions}.
     *
     * @param groups group name → its grants; the group {@code default} applies to every player
     * @param members group name → the players in it
     */
    public record Permissions(Map<String, List<String>> groups, Map<String, List<String>> members) {
        /** Fills in the defaults: no group. */
        public Permissions {
            groups = Map.copyOf(Objects.requireNonNullElse(groups, Map.of()));
            members = Map.copyOf(Objects.requireNonNullElse(members, Map.of()));
        }
    }

    /**
     * {@code forms}.
     *
     * @param timeoutTicks how long a player has to answer a form, in ticks
     */
    public record Forms(Integer timeoutTicks) {
        /** Fills in the default: 6000 ticks (5 minutes). */
        public Forms {
            timeoutTicks = Objects.requireNonNullElse(timeoutTicks, 6000);
        }
    }

    /**
     * {@code game}.
     *
     * @param keepInventory whether dead players keep their items (the default of {@code player_death}'s
     *     {@code keep_inventory})
     * @param startPaused whether the clock starts paused (ticks then run only with {@code sim:tick})
     * @param version the version of the game the server runs ({@code "1.21.50"}), what mods' {@code @game}
     *     requirements are checked against
     */
    public record Game(Boolean keepInventory, Boolean startPaused, Version version) {

        /** The game version of the simulated server unless {@code game.version} says otherwise: Bedrock 1.21.50. */
        public static final Version DEFAULT_VERSION = new Version(1, 21, 50);

        /** Fills in the defaults: items are dropped, the clock runs, the game is {@link #DEFAULT_VERSION}. */
        public Game {
            keepInventory = Objects.requireNonNullElse(keepInventory, false);
            startPaused = Objects.requireNonNullElse(startPaused, false);
            version = Objects.requireNonNullElse(version, DEFAULT_VERSION);
        }
    }
}
