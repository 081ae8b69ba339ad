package dev.plinth.core.sandbox.internal.host;

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
 * The {@link HostFailure} services of the resources one host failed, registered through the host bundle as the
 * contract of the resource manager asks: one per resource bundle, replaced by its next failure, removed when the
 * bundle starts again or is uninstalled, and when the host stops.
 *
 * <p>Thread-safe. {@link #bundleChanged} is called by the framework, asynchronously.
 */
final class HostFailureRegistry implements BundleListener {

    private final BundleContext host;
    private final Map<Long, ServiceRegistration<HostFailure>> registrations = new ConcurrentHashMap<>();

    HostFailureRegistry(BundleContext host) {
        this.host = host;
        host.addBundleListener(this);
    }

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

    void clear(Bundle bundle) {
        unregister(registrations.remove(bundle.getBundleId()));
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.UNINSTALLED) {
            clear(event.getBundle());
        }
    }

    void close() {
        try {
            host.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the host bundle is stopping: its listeners go with it
        }
        registrations.values().forEach(HostFailureRegistry::unregister);
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
