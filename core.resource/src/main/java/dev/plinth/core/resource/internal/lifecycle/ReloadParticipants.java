package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.BundleContent;
import dev.plinth.core.resource.reload.ReloadPreparation;
import dev.plinth.core.runtime.reload.ReloadHooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What the language hosts contribute to a hot reload, found on the whiteboard: their {@link ReloadPreparation}
 * services (compiling a new content off the game thread) and the {@link ReloadHooks} each registered for a running
 * resource, through that resource's bundle.
 *
 * <p>Thread-safe.
 */
final class ReloadParticipants implements AutoCloseable {

    private final ServiceTracker<ReloadPreparation, ReloadPreparation> preparations;
    private final ServiceTracker<ReloadHooks, ReloadHooks> hooks;
    private final Logger log;

    ReloadParticipants(BundleContext context, Logger log) {
        this.preparations = new ServiceTracker<>(context, ReloadPreparation.class, null);
        this.hooks = new ServiceTracker<>(context, ReloadHooks.class, null);
        this.log = log;
    }

    void open() {
        preparations.open();
        hooks.open();
    }

    /**
     * Lets every host prepare a resource's next content.
     *
     * @param next the next manifest
     * @param bundleFile the built bundle
     * @throws ResourceException the refusal of a host: the code does not compile
     */
    void prepare(ResourceDescriptor next, Path bundleFile) {
        Map<ServiceReference<ReloadPreparation>, ReloadPreparation> tracked = preparations.getTracked();
        if (tracked.isEmpty()) {
            return;
        }
        try (var content = BundleContent.open(bundleFile)) {
            for (ReloadPreparation preparation : tracked.values()) {
                try {
                    preparation.prepare(next, content);
                } catch (ResourceException refusal) {
                    throw refusal;
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    log.error("{}: a host failed to prepare its new content (it is started all the same): {}",
                            next.name(), e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(next.name() + ": its new bundle cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The hooks a host registered for a running resource.
     *
     * @param bundle the resource bundle
     * @return its hooks, or empty when its host registered none (or it is not running)
     */
    Optional<ReloadHooks> of(Bundle bundle) {
        for (var entry : hooks.getTracked().entrySet()) {
            Bundle owner = entry.getKey().getBundle();
            if (owner != null && owner.getBundleId() == bundle.getBundleId()) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        preparations.close();
        hooks.close();
    }
}
