package dev.plinth.core.runtime.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command a resource offers: {@code CommandDefinition.of("spawn", handler).withDescription("Back to spawn")}.
 *
 * @param name what players type after the slash, lower case
 * @param description one line for {@code /help}
 * @param usage how to call it, for example {@code /warp NAME}; {@code /name} when empty
 * @param permission the node a sender needs, if any
 * @param aliases other names for the same command
 * @param handler what runs it
 */
public record CommandDefinition(String name, String description, String usage, Optional<String> permission,
        List<String> aliases, CommandHandler handler) {

    /** What a command name or alias looks like: 1 to 32 lower-case letters, digits, {@code _} or {@code -}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    /**
     * Validates and copies the components.
     *
     * @throws CommandException when the name or an alias is malformed
     */
    public CommandDefinition {
        for (String candidate : concat(name, aliases)) {
            if (!NAME.matcher(candidate).matches()) {
                throw new CommandException("invalid command name '" + candidate
                        + "': use 1 to 32 lower-case letters, digits, '_' or '-'");
            }
        }
        Objects.requireNonNull(description, "description");
        usage = usage.isBlank() ? "/" + name : usage;
        Objects.requireNonNull(permission, "permission");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(handler, "handler");
    }

    /**
     * A command without description, permission or aliases.
     *
     * @param name the command name
     * @param handler what runs it
     * @return the definition
     */
    public static CommandDefinition of(String name, CommandHandler handler) {
        return new CommandDefinition(name, "", "", Optional.empty(), List.of(), handler);
    }

    /**
     * This command with a description.
     *
     * @param description one line for {@code /help}
     * @return the new definition
     */
    public CommandDefinition withDescription(String description) {
        return new CommandDefinition(name, description, usage, permission, aliases, handler);
    }

    /**
     * This command with a usage line.
     *
     * @param usage for example {@code /warp NAME}
     * @return the new definition
     */
    public CommandDefinition withUsage(String usage) {
        return new CommandDefinition(name, description, usage, permission, aliases, handler);
    }

    /**
     * This command restricted to senders holding a node.
     *
     * @param node for example {@code warps.command.warp}
     * @return the new definition
     */
    public CommandDefinition withPermission(String node) {
        return new CommandDefinition(name, description, usage, Optional.of(node), aliases, handler);
    }

    /**
     * This command with other names.
     *
     * @param aliases the other names
     * @return the new definition
     */
    public CommandDefinition withAliases(String... aliases) {
        return new CommandDefinition(name, description, usage, permission, List.of(aliases), handler);
    }

    private static List<String> concat(String name, List<String> aliases) {
        var all = new ArrayList<String>(aliases.size() + 1);
        all.add(Objects.requireNonNull(name, "name"));
        all.addAll(aliases);
        return all;
    }
}
