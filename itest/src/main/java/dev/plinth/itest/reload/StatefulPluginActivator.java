package dev.plinth.itest.reload;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.plugin.Plugin;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the Java plugins the hot reload tests write into jars: a {@link Plugin} counting the uses of its
 * command {@code /<name>-count}, which hands its count to its next version and announces its reloads on the bus
 * ({@code <name>:reloaded} with the count and the bundle version).
 */
public final class StatefulPluginActivator implements BundleActivator {

    /** Creates the activator; the framework does. */
    public StatefulPluginActivator() {
        // stateless
    }

    @Override
    public void start(BundleContext context) {
        var commands = context.getService(Objects.requireNonNull(context.getServiceReference(Commands.class)));
        var events = context.getService(Objects.requireNonNull(context.getServiceReference(EventBus.class)));
        String name = context.getBundle().getSymbolicName().substring("itest.".length());
        context.registerService(Plugin.class,
                new CountingPlugin(commands, events, name, context.getBundle().getVersion().toString()), null);
    }

    @Override
    public void stop(BundleContext context) {
        // its registrations go with its bundle
    }

    /** Counts its command's uses and keeps the count across reloads. */
    public static final class CountingPlugin implements Plugin {

        private final Commands commands;
        private final EventBus events;
        private final String name;
        private final String version;
        private int count;

        CountingPlugin(Commands commands, EventBus events, String name, String version) {
            this.commands = commands;
            this.events = events;
            this.name = name;
            this.version = version;
        }

        @Override
        public void onEnable() {
            commands.register(CommandDefinition.of(name + "-count", (sender, args) -> {
                count++;
                sender.sendMessage(name + " " + version + " counted " + count);
            }));
        }

        @Override
        public Object saveState() {
            return Map.of("count", count);
        }

        @Override
        public void restoreState(Object state) {
            count = ((Number) ((Map<?, ?>) state).get("count")).intValue();
        }

        @Override
        public void onReload() {
            events.post(name + ":reloaded", Map.of("count", count, "version", version));
        }
    }
}
