package dev.plinth.itest.resource;

import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.plugin.Plugin;
import java.util.Objects;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the Java plugins the plugin failure test writes into jars: it registers a {@link Plugin} whose
 * {@code onEnable} registers the command {@code /<bundle's last name part>-cmd}, then fails when the bundle's
 * version is 1.1.0 or above (the broken new content of a restart).
 */
public final class CommandPluginActivator implements BundleActivator {

    /** Creates the activator; the framework does. */
    public CommandPluginActivator() {
        // stateless
    }

    @Override
    public void start(BundleContext context) {
        var commands = context.getService(Objects.requireNonNull(context.getServiceReference(Commands.class)));
        String name = context.getBundle().getSymbolicName().substring("itest.".length());
        boolean broken = context.getBundle().getVersion().getMinor() >= 1;
        context.registerService(Plugin.class, new CommandPlugin(commands, name + "-cmd", broken), null);
    }

    @Override
    public void stop(BundleContext context) {
        // its registrations go with its bundle
    }

    /** Registers its command, then fails when it is broken. */
    public static final class CommandPlugin implements Plugin {

        private final Commands commands;
        private final String command;
        private final boolean broken;

        CommandPlugin(Commands commands, String command, boolean broken) {
            this.commands = commands;
            this.command = command;
            this.broken = broken;
        }

        @Override
        public void onEnable() {
            commands.register(CommandDefinition.of(command, (sender, args) -> sender.sendMessage("ran " + command)));
            if (broken) {
                throw new IllegalStateException("no greeting is configured");
            }
        }
    }
}
