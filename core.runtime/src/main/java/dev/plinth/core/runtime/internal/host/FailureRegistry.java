package dev.plinth.core.runtime.internal.host;

import dev.plinth.core.runtime.host.HostFailure;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;

/**
 * The {@link HostFailure} registrations of one host, made through the host's bundle context: one per resource
 * bundle, replaced by its next failure, removed when cleared, when the resource bundle is uninstalled, and when
 * closed.
 *
 * <p>Thread-safe. {@link #bundleChanged} is called by the framework, asynchronously.
 */
public final class FailureRegistry implements BundleListener, AutoCloseable {

    private final BundleContext host;
    private final Map<Long, ServiceRegistration<HostFailure>> registrations = new ConcurrentHashMap<>();
    private final Map<Long, HostFailure> current = new ConcurrentHashMap<>();

    /**
     * Starts forgetting the failures of bundles as they are uninstalled.
     *
     * @param host the context of the host the registrations belong to
     */
    public FailureRegistry(BundleContext host) {
        this.host = host;
        host.addBundleListener(this);
    }

    /**
     * Registers why a resource failed, replacing its previous failure.
     *
     * @param bundle the resource bundle
     * @param resource the resource name
     * @param message one line naming the resource, file and line, without the error code
     * @return the failure, which {@link #isCurrent} recognizes until it is replaced or cleared
     */
    public HostFailure record(Bundle bundle, String resource, String message) {
        long id = bundle.getBundleId();
        var properties = new Hashtable<String, Object>();
        properties.put(HostFailure.RESOURCE, resource);
        properties.put(HostFailure.BUNDLE_ID, id);
        var failure = new Failure(resource, id, message);
        current.put(id, failure);
        ServiceRegistration<HostFailure> previous = registrations.put(id,
                host.registerService(HostFailure.class, failure, properties));
        unregister(previous);
        return failure;
    }

    /**
     * Whether a failure is still the one registered for its bundle.
     *
     * @param failure what {@link #record} returned
     * @return {@code true} until it is replaced, cleared or withdrawn
     */
    public boolean isCurrent(HostFailure failure) {
        return current.get(failure.bundleId()) == failure;
    }

    /**
     * Forgets a resource's failure.
     *
     * @param bundle the resource bundle
     */
    public void clear(Bundle bundle) {
        current.remove(bundle.getBundleId());
        unregister(registrations.remove(bundle.getBundleId()));
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.UNINSTALLED) {
            clear(event.getBundle());
        }
    }

    /** Forgets every failure: the host stops. */
    @Override
    public void close() {
        try {
            host.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the host bundle is stopping: its listeners go with it
        }
        current.clear();
        registrations.values().forEach(FailureRegistry::unregister);
        registrations.clear();
    }

    private static void unregister(@Nullable ServiceRegistration<HostFailure> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the host bundle
            }
        }
    }

    private record Failure(String resource, long bundleId, String message) implements HostFailure {}
}
