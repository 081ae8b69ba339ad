package dev.plinth.lang.wasm.internal.binding;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.sandbox.host.ResourceServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * {@link HostServices} obtained through the resource bundle's own context, once each, and released by
 * {@link #close()} (the framework releases them too when the bundle stops).
 *
 * <p>Thread-safe.
 */
public final class BundleServices implements HostServices, AutoCloseable {

    private final Bundle bundle;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final List<ServiceReference<?>> references = new ArrayList<>();

    /**
     * Creates the lookup.
     *
     * @param bundle the resource bundle, started
     */
    public BundleServices(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public Server server() {
        return service(Server.class);
    }

    @Override
    public Commands commands() {
        return service(Commands.class);
    }

    @Override
    public Scheduler scheduler() {
        return service(Scheduler.class);
    }

    @Override
    public EventBus events() {
        return service(EventBus.class);
    }

    @Override
    public ConfigStore config() {
        return service(ConfigStore.class);
    }

    private <S> S service(Class<S> type) {
        Object service = services.get(type);
        if (service == null) {
            service = lookUp(type);
        }
        return type.cast(service);
    }

    private synchronized Object lookUp(Class<?> type) {
        Object known = services.get(type);
        if (known != null) {
            return known;
        }
        BundleContext context = bundle.getBundleContext();
        ServiceReference<?> reference =
                context == null ? null : ResourceServices.reference(context, type).orElse(null);
        Object service = reference == null ? null : context.getService(reference);
        if (service == null) {
            throw new IllegalStateException("the server provides no " + type.getSimpleName());
        }
        references.add(reference);
        services.put(type, service);
        return service;
    }

    /** Releases the services. */
    @Override
    public synchronized void close() {
        BundleContext context = bundle.getBundleContext();
        if (context != null) {
            for (ServiceReference<?> reference : references) {
                try {
                    context.ungetService(reference);
                } catch (IllegalStateException e) {
                    // the bundle stopped meanwhile: its services are released already
                }
            }
        }
        references.clear();
        services.clear();
    }
}
