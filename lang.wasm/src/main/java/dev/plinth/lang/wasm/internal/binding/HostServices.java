package dev.plinth.lang.wasm.internal.binding;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.server.Server;

/**
 * The server's services as one plugin sees them: bundle-scoped ones are the plugin's own instances, so everything it
 * registers through them (handlers, commands, tasks) belongs to its resource bundle and goes away when the bundle
 * stops.
 *
 * <p>Implementations are thread-safe. Each method throws {@link IllegalStateException} naming the service when the
 * server provides none (the host function that needed it then traps with that message).
 */
public interface HostServices {

    /** {@return the server: players, worlds, broadcast} */
    Server server();

    /** {@return the plugin's commands} */
    Commands commands();

    /** {@return the plugin's scheduler} */
    Scheduler scheduler();

    /** {@return the plugin's view of the event bus} */
    EventBus events();

    /** {@return the plugin's configuration files ({@code data/<resource>/})} */
    ConfigStore config();
}
