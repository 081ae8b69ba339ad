package dev.plinth.core.runtime.internal.host;

import dev.plinth.core.runtime.host.HostFailures;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * One host's {@link HostFailures}: its registrations are made through the host's own bundle context and withdrawn
 * when the host releases the service.
 *
 * <p>Thread-safe.
 */
@Component(scope = ServiceScope.BUNDLE)
public final class HostFailuresView implements HostFailures {

    private final FailureRegistry registry;

    /**
     * Creates the view of the host that obtained the service.
     *
     * @param component names the host bundle
     */
    @Activate
    public HostFailuresView(ComponentContext component) {
        Bundle host = Objects.requireNonNull(component.getUsingBundle(), "a bundle-scoped service has a user");
        this.registry = new FailureRegistry(host.getBundleContext());
    }

    @Deactivate
    void close() {
        registry.close();
    }

    @Override
    public void record(Bundle bundle, String resource, String message) {
        registry.record(bundle, resource, message);
    }

    @Override
    public void clear(Bundle bundle) {
        registry.clear(bundle);
    }
}
