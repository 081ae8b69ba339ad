package dev.plinth.console.internal;

import dev.plinth.shell.CommandUsage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The shell command {@code shutdown} ({@code plinth:shutdown}): stops the framework gracefully, so every bundle
 * and resource stops in reverse order and saves its state, and the process exits 0.
 */
@Component(service = ShutdownCommand.class,
        property = {"osgi.command.scope=plinth", "osgi.command.function=shutdown"})
public final class ShutdownCommand {

    private final BundleContext context;
    private final AtomicBoolean requested = new AtomicBoolean();

    /**
     * Creates the command.
     *
     * @param context the console bundle's context
     */
    @Activate
    public ShutdownCommand(BundleContext context) {
        this.context = context;
    }

    /**
     * Stops the framework; returns at once, the stop runs in the framework's own thread.
     *
     * @return the message the shell prints
     * @throws BundleException when the framework refuses to stop
     */
    @Descriptor("stop every resource and bundle in reverse order and exit")
    public String shutdown() throws BundleException {
        requested.set(true);
        context.getBundle(0).stop();
        return "Shutting down: stopping every resource and bundle.";
    }

    /** Wrong arguments: the usage. */
    public Object shutdown(Object... wrong) {
        return CommandUsage.fail("plinth", this, "shutdown");
    }

    /**
     * Whether {@link #shutdown()} was called. The framework stops on a thread of its own, so the scripted console
     * asks this instead of the framework's state to know at once that the rest of its input must not run.
     *
     * @return {@code true} once a shutdown was requested
     */
    boolean requested() {
        return requested.get();
    }
}
