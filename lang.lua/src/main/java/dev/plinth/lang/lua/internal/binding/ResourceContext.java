package dev.plinth.lang.lua.internal.binding;

import dev.plinth.core.runtime.scheduler.Task;
import dev.plinth.core.sandbox.events.EmitPolicy;
import dev.plinth.core.sandbox.host.ResourceServices;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.core.sandbox.values.ValueBudget;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * What the Lua APIs of one resource work with: its name, its script, its log, its grants, and the host services
 * obtained through the resource bundle's own context, so everything registered through them belongs to the resource
 * and goes away when its bundle stops.
 *
 * <p>Thread-safe.
 */
public final class ResourceContext {

    private final String name;
    private final Bundle bundle;
    private final LuaScript script;
    private final ScriptLog log;
    private final EmitPolicy emits;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final Set<Task> tasks = ConcurrentHashMap.newKeySet();
    private final Set<LuaValue> held = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final List<ServiceReference<?>> references = new ArrayList<>();

    /**
     * Creates the context.
     *
     * @param name the resource name
     * @param bundle the resource bundle
     * @param script its Lua state
     * @param log its log (in the resource bundle's name)
     */
    public ResourceContext(String name, Bundle bundle, LuaScript script, ScriptLog log) {
        this.name = Objects.requireNonNull(name, "name");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.script = Objects.requireNonNull(script, "script");
        this.log = Objects.requireNonNull(log, "log");
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

    /** {@return the resource's Lua state} */
    public LuaScript script() {
        return script;
    }

    /** {@return the resource's log} */
    public ScriptLog log() {
        return log;
    }

    /** {@return what the resource may emit} */
    public EmitPolicy emits() {
        return emits;
    }

    /** {@return the host APIs the resource may call} */
    public Grants grants() {
        return script.meter().grants();
    }

    /**
     * The budget of one conversion of a value leaving the script ({@link PlainValues}): bounded by the resource's
     * value limits, its work charged to the script running now (the caller).
     *
     * @param what what the value is, for messages ({@code the payload of mc.emit})
     * @return the budget
     */
    public ValueBudget values(String what) {
        return script.values(what);
    }

    /**
     * Refuses a call of the API when the resource's manifest does not grant its group.
     *
     * @param group the group
     * @param api the call, as the script wrote it
     * @throws LuaError naming the permission, when not granted
     */
    public void require(Permission group, String api) {
        HostCalls.call(() -> {
            grants().check(group, api);
            return null;
        });
    }

    /**
     * A host service as the resource sees it: bundle-scoped services are the resource's own instance.
     *
     * @param <S> the service type
     * @param type the service type
     * @param api the Lua function that needs it, for the error message
     * @return the service
     * @throws LuaError when no such service is registered
     */
    public <S> S service(Class<S> type, String api) {
        Object service = services.computeIfAbsent(type, this::lookUp);
        if (service == Missing.INSTANCE) {
            services.remove(type);
            throw new LuaError(api + " is not available: the server provides no " + type.getSimpleName());
        }
        return type.cast(service);
    }

    /**
     * Notes a function the host holds for the resource (a handler, a command, a task, an export, a form's answer):
     * what it keeps counts as the resource's retained memory. Held weakly: a function the host lets go of is
     * forgotten here too.
     *
     * @param <V> the value's type
     * @param function the function
     * @return the function
     */
    public <V extends LuaValue> V hold(V function) {
        held.add(function);
        return function;
    }

    /**
     * Where the resource's values hang from: its globals and the functions the host holds for it.
     *
     * @return a snapshot
     */
    public List<LuaValue> roots() {
        var roots = new ArrayList<LuaValue>();
        roots.add(script.globals());
        synchronized (held) {
            roots.addAll(held);
        }
        return roots;
    }

    /**
     * Schedules a task of the resource, within its task limit ({@code sandbox.max_tasks}): tasks that ended or were
     * cancelled make room again.
     *
     * @param api the call, for the error message ({@code mc.schedule_repeating})
     * @param schedule schedules the task
     * @return the task
     * @throws LuaError when the resource has as many tasks as it may
     */
    public Task schedule(String api, Supplier<Task> schedule) {
        int max = script.meter().limits().sandbox().maxTasks();
        if (tasks.size() >= max) {
            tasks.removeIf(task -> !task.isScheduled());
            if (tasks.size() >= max) {
                throw new LuaError(name + ": " + api + " refused: the resource has " + tasks.size()
                        + " scheduled tasks, its limit (sandbox.max_tasks)");
            }
        }
        Task task = schedule.get();
        tasks.add(task);
        return task;
    }

    /**
     * Calls back into the resource from the host (a task, a form answer), logging a failure with its traceback
     * instead of throwing it.
     *
     * @param what what is called, for the log ({@code task 3})
     * @param function the Lua function
     * @param args its arguments
     * @return what it returned, or nothing when it failed
     */
    public Varargs callBack(String what, LuaValue function, Varargs args) {
        try {
            return script.call(Budget.CALL, function, args);
        } catch (ScriptException e) {
            log.error(what + " failed: " + e.report());
            return LuaValue.NONE;
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
        tasks.clear();
        log.close();
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
