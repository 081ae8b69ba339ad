package dev.plinth.core.runtime.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered command as {@code /help} and the shell list it.
 *
 * @param name the command name
 * @param owner the resource that registered it
 * @param description its description
 * @param usage its usage line
 * @param permission the node it needs, if any
 * @param aliases its other names
 * @param ownsName whether {@code /name} runs this command; when two resources register the same name, only one
 *     does and the other is reachable as {@code /owner:name} only
 */
public record CommandInfo(String name, String owner, String description, String usage, Optional<String> permission,
        List<String> aliases, boolean ownsName) {

    /** Validates and copies the components. */
    public CommandInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(permission, "permission");
        aliases = List.copyOf(aliases);
    }

    /**
     * The name that always reaches this command.
     *
     * @return {@code owner:name}
     */
    public String qualifiedName() {
        return owner + ":" + name;
    }
}
