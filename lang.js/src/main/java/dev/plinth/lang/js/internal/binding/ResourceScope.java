package dev.plinth.lang.js.internal.binding;

import dev.plinth.core.sandbox.host.ResourceServices;
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
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.scheduler.Task;
import dev.plinth.core.sandbox.events.EmitPolicy;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.core.sandbox.values.ValueBudget;

/**
 * What the JavaScript APIs of one resource work with: its name, its context, its log, its grants, its emit policy,
 * its value bounds and task limit (core.sandbox), and the host services
 * obtained through the resource bundle's own context, so everything registered through them belongs to the resource
 * and goes away when its bundle stops.
 *
 * <p>Thread-safe.
 */
public final class ResourceScope {

    private final String name;
    private final Bundle bundle;
    private final JsScript script;
    private final ScriptLog log;
    private final Grants grants;
    private final EmitPolicy emits;
    private final java.util.Set<Task> tasks = ConcurrentHashMap.newKeySet();
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final List<ServiceReference<?>> references = new ArrayList<>();
    private volatile @org.jspecify.annotations.Nullable HostObjects objects;

    /**
     * Creates the scope.
     *
     * @param name the resource name
     * @param bundle the resource bundle
     * @param script its context
     * @param log its log (core.sandbox: one line per call, rate-limited)
     * @param grants what its manifest's {@code [permissions]} grants
     */
    public ResourceScope(String name, Bundle bundle, JsScript script, ScriptLog log, Grants grants) {
        this.name = Objects.requireNonNull(name, "name");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.script = Objects.requireNonNull(script, "script");
        this.log = Objects.requireNonNull(log, "log");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.emits = new EmitPolicy(name);
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
     * Gives the resource its host objects, whose classes its context creates as it first meets an object of each
     * kind ({@link HostObjects}); called once, inside a call, before its modules run.
     *
     * @param context the resource's context, entered
     * @param kinds the kinds of host objects the resource may meet
     */
    public void install(org.graalvm.polyglot.Context context, List<HostClass<?>> kinds) {
        objects = HostObjects.create(context, kinds, grants);
    }

    /** {@return the resource's log} */
    public ScriptLog log() {
        return log;
    }

    /**
     * Refuses a call of an API group the manifest does not grant.
     *
     * @param permission the group
     * @param api the call, for the message ({@code mc.get_world})
     * @throws dev.plinth.core.sandbox.permission.PermissionDeniedException when not granted
     */
    public void require(Permission permission, String api) {
        grants.check(permission, api);
    }

    /**
     * This scope, once a permission is checked: {@code new FormDraft(scope.requiring(...), ...)}.
     *
     * @param permission the group
     * @param api the call, for the message
     * @return this scope
     * @throws dev.plinth.core.sandbox.permission.PermissionDeniedException when not granted
     */
    public ResourceScope requiring(Permission permission, String api) {
        require(permission, api);
        return this;
    }

    /** {@return what the manifest grants} */
    public Grants grants() {
        return grants;
    }

    /**
     * Refuses an event name outside the resource's namespace.
     *
     * @param event the name
     * @param api the call, for the message
     * @throws dev.plinth.core.sandbox.events.EmitDeniedException when refused
     */
    public void checkEmit(String event, String api) {
        emits.check(event, api);
    }

    /**
     * The budget of one conversion of a script value for the host ({@code sandbox.max_value_*}).
     *
     * @param what what the value is, for messages
     * @return the budget
     */
    public ValueBudget valueBudget(String what) {
        return script.limits().sandbox().values().budget(name, what, units -> { });
    }

    /**
     * Schedules a task of the resource, within its task limit ({@code sandbox.max_tasks}).
     *
     * @param api the call, for the message
     * @param schedule what schedules it on the resource's scheduler
     * @return the task
     * @throws IllegalStateException when the resource has as many tasks as it may
     */
    public Task schedule(String api, java.util.function.Function<Scheduler, Task> schedule) {
        tasks.removeIf(task -> !task.isScheduled());
        int max = script.limits().sandbox().maxTasks();
        if (tasks.size() >= max) {
            throw new IllegalStateException(api + ": " + name + " has " + max + " scheduled tasks, its limit "
                    + "(sandbox.max_tasks)");
        }
        Task task = schedule.apply(service(Scheduler.class, api));
        tasks.add(task);
        return task;
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
            script.run(Budget.CALL, function, args);
        } catch (JsException e) {
            log.error(what + " failed: " + e.report());
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
        ServiceReference<?> reference =
                context == null ? null : ResourceServices.reference(context, type).orElse(null);
        Object service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return Missing.INSTANCE;
        }
        references.add(reference);
        return service;
    }

    private enum Missing { INSTANCE }
}
