package dev.plinth.itest.lua;

import dev.plinth.itest.resource.ResourceHome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The services of the simulated server a Lua test drives or checks, each obtained once it is registered (the
 * runtime's components may still be activating when a test starts) and released when the test ends.
 */
public final class RuntimeServices implements AutoCloseable {

    private final BundleContext context;
    private final List<ServiceReference<?>> references = new ArrayList<>();

    /**
     * Starts with no service.
     *
     * @param context the test bundle's context
     */
    public RuntimeServices(BundleContext context) {
        this.context = context;
    }

    /**
     * Waits until a service is registered and gets it.
     *
     * @param <T> the service type
     * @param type the service type
     * @return the service
     */
    public <T> T await(Class<T> type) {
        ServiceReference<T> reference = ResourceHome.await(() -> Optional.ofNullable(context.getServiceReference(type)),
                type.getSimpleName() + " is registered");
        references.add(reference);
        return context.getService(reference);
    }

    @Override
    public void close() {
        references.forEach(context::ungetService);
        references.clear();
    }
}
