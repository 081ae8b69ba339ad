package dev.plinth.core.runtime.internal.command;

import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandInfo;
import dev.plinth.core.runtime.internal.owner.Owner;
import java.util.ArrayList;
import java.util.List;

/**
 * A command in the {@link CommandTable}: who registered it, and what.
 *
 * @param owner the resource that registered it
 * @param definition the command
 */
record RegisteredCommand(Owner owner, CommandDefinition definition) {

    /** {@return the command's name followed by its aliases} */
    List<String> labels() {
        var labels = new ArrayList<String>();
        labels.add(definition.name());
        labels.addAll(definition.aliases());
        return labels;
    }

    /** {@return the name that always reaches it} */
    String qualifiedName() {
        return owner.name() + ":" + definition.name();
    }

    /**
     * The command as the API describes it.
     *
     * @param ownsName whether {@code /name} reaches this command
     * @return the description
     */
    CommandInfo info(boolean ownsName) {
        return new CommandInfo(definition.name(), owner.name(), definition.description(), definition.usage(),
                definition.permission(), definition.aliases(), ownsName);
    }
}
