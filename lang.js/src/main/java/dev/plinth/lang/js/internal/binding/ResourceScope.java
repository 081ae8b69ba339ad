package dev.plinth.lang.js.internal.binding;

import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsException;
import dev.plinth.lang.js.internal.engine.JsScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Value;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;

/**
 * What the JavaScript APIs of one resource work with: its name, its context, its logger, and the host services
 * obtained through the resource bundle's own context, so everything registered through them belongs to the resource
 * and goes away when its bundle stops.
 *
 * <p>Thread-safe.
 */
public final class ResourceScope {

    private final String name;
    private final Bundle bundle;
    private final JsScript script;
    private final Logger logger;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final List<ServiceReference<?>> references = new ArrayList<>();
    private volatile @org.jspecify.annotations.Nullable HostObjects objects;

    /**
     * Creates the scope.
     *
     * @param name the resource name
     * @param bundle the resource bundle
     * @param script its context
     * @param logger its logger (logging in the resource bundle's name)
     */
    public ResourceScope(String name, Bundle bundle, JsScript script, Logger logger) {
        this.name = Objects.requireNonNull(name, "name");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.script = Objects.requireNonNull(script, "script");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** {@return the resource name} */
    public String name() {
        return name;
    }

    /** {@return the resource bundle} */
    public Bundle bundle() {
        return bundle;
    }

    /** {@return the resource's context} */
    public JsScript script() {
        return script;
    }

    /**
     * The resource's host object classes.
     *
     * @return them
     * @throws IllegalStateException before {@link #install} ran
     */
    public HostObjects objects() {
        HostObjects installed = objects;
        if (installed == null) {
            throw new IllegalStateException(name + ": the host objects are not installed yet");
        }
        return installed;
    }

    /**
     * Creates the resource's host object classes in its context; called once, inside a call, before its modules run.
     *
     * @param context the resource's context, entered
     * @param kinds the kinds of host objects
     */
    public void install(org.graalvm.polyglot.Context context, List<HostClass<?>> kinds) {
        objects = HostObjects.create(context, kinds);
    }

    /** {@return the resource's logger} */
    public Logger logger() {
        return logger;
    }

    /**
     * The resource bundle's context, for registering services in its name.
     *
     * @return the context
     * @throws IllegalStateException when the resource is not started
     */
    public BundleContext bundleContext() {
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            throw new IllegalStateException(name + " is not started");
        }
        return context;
    }

    /**
     * A host service as the resource sees it: bundle-scoped services are the resource's own instance.
     *
     * @param <S> the service type
     * @param type the service type
     * @param api the function that needs it, for the error message
     * @return the service
     * @throws IllegalStateException when no such service is registered
     */
    public <S> S service(Class<S> type, String api) {
        Object service = services.computeIfAbsent(type, this::lookUp);
        if (service == Missing.INSTANCE) {
            services.remove(type);
            throw new IllegalStateException(api + " is not available: the server provides no " + type.getSimpleName());
        }
        return type.cast(service);
    }

    /**
     * Calls back into the resource from the host (a task, a timer, a form answer), logging a failure with its stack
     * instead of throwing it.
     *
     * @param what what is called, for the log ({@code task 3})
     * @param function the function
     * @param args its arguments
     */
    public void callBack(String what, Value function, Object... args) {
        try {
            script.call(Budget.CALL, function, args);
        } catch (JsException e) {
            logger.error("{} failed: {}", what, e.report());
        }
    }

    /** Releases the services; the framework would do it too when the bundle stops. */
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

    private synchronized Object lookUp(Class<?> type) {
        BundleContext context = bundle.getBundleContext();
        ServiceReference<?> reference = context == null ? null : context.getServiceReference(type);
        Object service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return Missing.INSTANCE;
        }
        references.add(reference);
        return service;
    }

    private enum Missing { INSTANCE }
}
