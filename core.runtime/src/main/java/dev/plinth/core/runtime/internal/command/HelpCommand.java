package dev.plinth.core.runtime.internal.command;

import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandInfo;
import dev.plinth.core.runtime.command.CommandSender;
import java.util.List;

/**
 * The in-game {@code /help}: lists the commands the sender may use, one line each, {@code /owner:name} for the
 * ones that do not own their bare name.
 */
final class HelpCommand {

    private final CommandTable table;

    HelpCommand(CommandTable table) {
        this.table = table;
    }

    CommandDefinition definition() {
        return CommandDefinition.of("help", this::execute)
                .withDescription("Lists the commands you can use")
                .withUsage("/help");
    }

    private void execute(CommandSender sender, List<String> args) {
        List<CommandInfo> usable = table.list().stream()
                .filter(info -> info.permission().map(sender::hasPermission).orElse(true))
                .toList();
        sender.sendMessage("Commands (" + usable.size() + "):");
        for (CommandInfo info : usable) {
            String label = info.ownsName() ? "/" + info.name() : "/" + info.qualifiedName();
            sender.sendMessage(label + (info.description().isEmpty() ? "" : " - " + info.description()));
        }
    }
}
