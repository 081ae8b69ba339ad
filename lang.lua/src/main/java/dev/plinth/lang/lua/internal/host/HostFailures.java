package dev.plinth.lang.lua.internal.host;

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
 * The {@link HostFailure} services of the resources the host failed, registered through the host bundle as the
 * contract of core.resource asks: one per resource bundle, replaced by its next failure, removed when the bundle
 * starts again or is uninstalled, and when the host stops.
 *
 * <p>Thread-safe. {@link #bundleChanged} is called by the framework, asynchronously.
 */
final class HostFailures implements BundleListener {

    private final BundleContext host;
    private final Map<Long, ServiceRegistration<HostFailure>> registrations = new ConcurrentHashMap<>();

    HostFailures(BundleContext host) {
        this.host = host;
    }

    /** Starts forgetting the failures of bundles as they are uninstalled. */
    void open() {
        host.addBundleListener(this);
    }

    /**
     * Records why a resource failed.
     *
     * @param bundle the resource bundle
     * @param resource the resource name
     * @param message one line naming the resource, file and line, without the error code
     */
    void record(Bundle bundle, String resource, String message) {
        long id = bundle.getBundleId();
        var properties = new Hashtable<String, Object>();
        properties.put(HostFailure.RESOURCE, resource);
        properties.put(HostFailure.BUNDLE_ID, id);
        HostFailure failure = new Failure(resource, id, message);
        ServiceRegistration<HostFailure> previous =
                registrations.put(id, host.registerService(HostFailure.class, failure, properties));
        unregister(previous);
    }

    /** Forgets a resource's failure: it started. */
    void clear(Bundle bundle) {
        unregister(registrations.remove(bundle.getBundleId()));
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.UNINSTALLED) {
            clear(event.getBundle());
        }
    }

    /** Forgets every failure: the host stops. */
    void close() {
        host.removeBundleListener(this);
        registrations.values().forEach(HostFailures::unregister);
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
