package dev.plinth.lang.js.internal.host;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.reload.LoadedFiles;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.lang.js.internal.binding.Prelude;
import dev.plinth.lang.js.internal.binding.ResourceScope;
import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsException;
import dev.plinth.lang.js.internal.engine.JsFailure;
import dev.plinth.lang.js.internal.engine.JsLimitException;
import dev.plinth.lang.js.internal.engine.JsLimits;
import dev.plinth.lang.js.internal.engine.JsRuntimeException;
import dev.plinth.lang.js.internal.engine.JsScript;
import dev.plinth.lang.js.internal.engine.JsRuntime;
import dev.plinth.lang.js.internal.mc.Exports;
import dev.plinth.lang.js.internal.mc.GameObjects;
import dev.plinth.lang.js.internal.mc.McApi;
import dev.plinth.lang.js.internal.mtadm.ResourceApi;
import dev.plinth.lang.js.internal.staminal.LocaleApi;
import dev.plinth.lang.js.internal.staminal.SystemApi;
import dev.plinth.lang.js.internal.staminal.SystemEventRegistry;
import dev.plinth.lang.js.internal.typescript.TranspileCache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import dev.plinth.core.sandbox.memory.RetainedMemory;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.permission.Permission;

/**
 * One started JavaScript resource: its context, its APIs ({@code mc}, {@code Resource}, {@code AddEventHandler},
 * Staminal's {@code system}, {@code locale}, {@code process}, {@code console}, timers) and its lifecycle hooks.
 * Starting evaluates its server modules in order (the first is the entry), registers the entry's exported functions
 * as cross-language exports, then calls the entry's {@code onAttach()}; a Staminal {@code bootstrap} mod later gets
 * {@code onBootstrap()}; stopping calls {@code onDetach()} (when {@code onAttach} finished). Hooks may be
 * {@code async}: their promise is awaited within the start timeout, the resource's timers running meanwhile; a start
 * returns without waiting for an {@code onAttach} promise that is still pending ({@link #pendingAttach()}), so that the
 * game thread goes on ticking while it awaits. What the scripts registered goes away with the
 * bundle, not through this class.
 *
 * <p>Thread-safe: lifecycle calls come from the thread that starts or stops the bundle.
 */
final class JsResource {

    /**
     * Defines a hidden, read-only global of the host: one source for every start, so the engine parses it once (its
     * parse cache holds a parse only while the source object is referenced).
     */
    private static final Source DEFINE_HIDDEN = Source.newBuilder("js", "(key, value) => Object.defineProperty("
            + "globalThis, Symbol.for(key), { value, enumerable: false, writable: false, configurable: false })",
            "plinth-define.js").buildLiteral();
    /** The entry module's exports that are lifecycle hooks, never cross-language exports. */
    private static final Set<String> HOOKS = Set.of("onAttach", "onBootstrap", "onDetach", "onSaveState",
            "onRestoreState", "onReload", "onDependencyReload", "default");
    private final ResourceScope scope;
    private final JsTimers timers;
    private final SystemEventRegistry events;
    private final Value entry;
    private final boolean bootstrapMod;
    private final int priority;
    private volatile boolean bootstrapped;
    /** Whether {@code onAttach} finished (or the start calls no hooks): only then does a stop call {@code onDetach}. */
    private volatile boolean attached;
    /** An {@code onAttach} promise still pending when the start returned, until it settles. */
    private volatile @Nullable CompletableFuture<@Nullable Object> attaching;
    /** An {@code onBootstrap} promise still pending when {@link #beginBootstrap()} returned, until it settles. */
    private volatile @Nullable CompletableFuture<@Nullable Object> bootstrapping;
    /** Whether {@code onDetach} was called ahead of the stop ({@link #detach()}): the stop does not call it again. */
    private volatile boolean detached;
    /** An {@code onDetach} promise still pending when {@link #detach()} returned, until it settles. */
    private volatile @Nullable CompletableFuture<@Nullable Object> detaching;
    private volatile @Nullable ServiceRegistration<RetainedMemory> memory;

    private JsResource(ResourceScope scope, JsTimers timers, SystemEventRegistry events, Value entry,
            ResourceDescriptor descriptor) {
        this.scope = scope;
        this.timers = timers;
        this.events = events;
        this.entry = entry;
        this.bootstrapMod = descriptor.details() instanceof FormatDetails.ModManifest mod
                && "bootstrap".equalsIgnoreCase(mod.modType());
        this.priority = descriptor.details() instanceof FormatDetails.ModManifest mod ? mod.priority() : 0;
    }

    /** What a start needs from the host. */
    record Launch(String name, Bundle bundle, ResourceDescriptor descriptor, List<String> modules, JsLimits limits,
            JsRuntime runtime, Account account, ScriptLog log, Grants grants, LongSupplier ticks,
            Consumer<JsLimitException> onFatal, ResourceService resources, SystemEventRegistry events,
            Function<String, Boolean> bootstrapped, Executor worker, Map<String, Builtin> builtins,
            boolean runHooks, TranspileCache typescript, LoadedFiles loaded) {}

    /**
     * A built-in module a host gives its resources.
     *
     * @param names its named exports
     * @param exports makes its exports object for one resource
     */
    record Builtin(List<String> names, Function<ResourceScope, Object> exports) {}

    /**
     * Starts a resource: builds its context, installs its APIs, runs its modules and {@code onAttach}.
     *
     * @param launch what the host gives it
     * @return the running resource
     * @throws JsException when a module fails to load or run, or {@code onAttach} fails
     */
    static JsResource start(Launch launch) {
        var scopeRef = new ResourceScope[1];
        var builtinSources = new LinkedHashMap<String, String>();
        launch.builtins().forEach((name, builtin) -> builtinSources.put(name, builtinSource(name, builtin.names())));
        var roots = new ResourceModules(launch.name(), launch.bundle(), launch.descriptor(), launch.resources(),
                builtinSources, () -> scopeRef[0], launch.typescript(), launch.loaded());
        JsScript script = JsScript.builder(launch.name(), launch.runtime(), roots, launch.account())
                .withLimits(launch.limits())
                .withTicks(launch.ticks())
                .onFatal(launch.onFatal())
                .build();
        var scope = new ResourceScope(launch.name(), launch.bundle(), script, launch.log(), launch.grants());
        scopeRef[0] = scope;
        var timers = new JsTimers(scope);
        try {
            Value helpers = install(scope, timers, launch);
            Value entry = null;
            for (String file : launch.modules()) {
                Value namespace = script.evalModule(file);
                if (entry == null) {
                    entry = namespace;
                }
            }
            Objects.requireNonNull(entry, "entry");
            var resource = new JsResource(scope, timers, launch.events(), entry, launch.descriptor());
            resource.helpers = helpers;
            resource.exportEntry();
            if (launch.runHooks()) {
                resource.attach();
            } else {
                resource.attached = true;
            }
            return resource;
        } catch (JsException | IllegalStateException | IllegalArgumentException e) {
            timers.close();
            script.close();
            scope.close();
            launch.events().forget(scope);
            throw e;
        }
    }

    private @Nullable Value helpers;
    private volatile @Nullable JsReloadHooks reload;

    /**
     * Calls {@code onAttach()}. When it returns a promise that does not settle within the call (it awaits a timer),
     * the start returns without waiting: {@link #pendingAttach()} says when it ends.
     *
     * @throws JsException when it fails during the call
     */
    private void attach() {
        CompletableFuture<@Nullable Object> settled = begin("onAttach", Budget.START, context -> new Object[0],
                value -> null);
        if (settled.isDone()) {
            outcome("onAttach", settled);
            attached = true;
        } else {
            attaching = settled.orTimeout(scope.script().limits().startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The end of an {@code onAttach} whose promise was still pending when the start returned: completes when it
     * resolved, on the thread that resolved it (the game thread's timers, usually), or exceptionally with the
     * {@link JsException} the host reports when it was rejected, did not settle within the start timeout, or the
     * resource stopped first.
     *
     * @return the end; empty when {@code onAttach} finished during the start
     */
    Optional<CompletableFuture<Void>> pendingAttach() {
        CompletableFuture<@Nullable Object> settled = attaching;
        if (settled == null) {
            return Optional.empty();
        }
        return Optional.of(settled.handle((value, error) -> {
            if (error != null) {
                throw failure("onAttach", cause(error));
            }
            attached = true;
            return null;
        }));
    }

    /** What failed, out of the {@link CompletionException} a dependent stage wraps it in. */
    static Throwable cause(Throwable error) {
        return error instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : error;
    }

    /**
     * Waits on the calling thread, running the resource's timers, until the pending {@code onAttach} has settled (or
     * the start timeout has passed): for a start on the game thread, which cannot wait for its own ticks.
     */
    void finishAttachHere() {
        finishHere("onAttach", attaching);
    }

    /**
     * Calls {@code onDetach()} ahead of the stop, when {@code onAttach} finished; the stop then does not call it
     * again. The resource keeps running until its bundle stops. A failure is logged.
     *
     * @return the end of its promise while it is still pending: completes when it settled (within the start timeout),
     *     whichever way; empty when it finished during the call
     */
    Optional<CompletableFuture<Void>> detach() {
        if (!attached || detached || scope.script().isClosed()) {
            return Optional.empty();
        }
        detached = true;
        CompletableFuture<@Nullable Object> settled;
        try {
            settled = begin("onDetach", Budget.STOP, context -> new Object[0], value -> null);
        } catch (JsException e) {
            detachFailed(e);
            return Optional.empty();
        }
        if (settled.isDone()) {
            detachOutcome(settled);
            return Optional.empty();
        }
        detaching = settled.orTimeout(scope.script().limits().startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(settled.handle((value, error) -> {
            detachOutcome(settled);
            return null;
        }));
    }

    /**
     * Waits on the calling thread, running the resource's timers, until the pending {@code onDetach} has settled (or
     * the start timeout has passed): for a stop on the game thread, which cannot wait for its own ticks.
     */
    void finishDetachHere() {
        finishHere("onDetach", detaching);
    }

    private void finishHere(String hook, @Nullable CompletableFuture<@Nullable Object> settled) {
        if (settled == null) {
            return;
        }
        try {
            await(hook, settled);
        } catch (RuntimeException e) {
            settled.completeExceptionally(e);
        }
    }

    /** Logs how a settled {@code onDetach} failed, if it did. */
    private void detachOutcome(CompletableFuture<@Nullable Object> settled) {
        try {
            outcome("onDetach", settled);
        } catch (JsException e) {
            detachFailed(e);
        } catch (IllegalArgumentException e) {
            scope.log().error("onDetach failed: " + e.getMessage());
        }
    }

    private void detachFailed(JsException e) {
        scope.log().error("onDetach failed: " + e.report());
    }

    /** {@return the entry module's namespace} */
    Value entry() {
        return entry;
    }

    /** {@return the resource's scope} */
    ResourceScope scope() {
        return scope;
    }

    /** {@return whether this is a Staminal bootstrap mod that attached and whose {@code onBootstrap} has not run} */
    boolean awaitsBootstrap() {
        return bootstrapMod && !bootstrapped && attached;
    }

    /** {@return the mod's priority: lower bootstraps first} */
    int priority() {
        return priority;
    }

    /** {@return whether {@code onBootstrap} has run} */
    boolean bootstrapped() {
        return bootstrapped;
    }

    /**
     * Calls {@code onBootstrap()}, once, and waits for its promise, running the resource's timers meanwhile: for the
     * bootstrap mods of the startup, one after the other, on a worker.
     *
     * @throws JsException when it fails, or its promise is rejected or does not settle within the start timeout
     */
    void bootstrap() {
        if (bootstrapMod && !bootstrapped) {
            bootstrapped = true;
            hook("onBootstrap", Budget.START);
        }
    }

    /**
     * Calls {@code onBootstrap()}, once, without waiting for a promise it returns: for a bootstrap mod started after
     * startup, whose start must not hold the thread that starts it (the game thread, in a hot reload) while it awaits.
     * Its promise then settles as the resource's timers run, within the start timeout.
     *
     * @return the end of its promise while it is still pending: completes when it resolved, or exceptionally with the
     *     {@link JsException} to report when it was rejected, did not settle within the start timeout, or the resource
     *     stopped first; empty when it finished during the call, or the mod has no {@code onBootstrap} to run
     * @throws JsException when it fails during the call
     */
    Optional<CompletableFuture<Void>> beginBootstrap() {
        if (!awaitsBootstrap()) {
            return Optional.empty();
        }
        bootstrapped = true;
        CompletableFuture<@Nullable Object> settled = begin("onBootstrap", Budget.START, context -> new Object[0],
                value -> null);
        if (settled.isDone()) {
            outcome("onBootstrap", settled);
            return Optional.empty();
        }
        bootstrapping = settled.orTimeout(scope.script().limits().startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(settled.handle((value, error) -> {
            if (error != null) {
                throw failure("onBootstrap", cause(error));
            }
            return null;
        }));
    }

    /**
     * Offers the resource's reload hooks ({@code onSaveState}, ...) to the resource manager: it has started.
     */
    void offerReloadHooks() {
        var hooks = new JsReloadHooks(this);
        reload = hooks;
        hooks.register();
    }

    /**
     * Has the sandbox's memory monitor measure what the resource keeps ({@code max_memory_mb}), from now until it
     * stops.
     *
     * @param host the host bundle's context, through which the {@link RetainedMemory} service is registered
     * @param engine the engine, which knows what a blank context keeps
     */
    void measureMemory(BundleContext host, SharedEngine engine) {
        var properties = new java.util.Hashtable<String, Object>();
        properties.put(RetainedMemory.RESOURCE, scope.name());
        memory = host.registerService(RetainedMemory.class, new JsRetainedMemory(scope.script(), engine), properties);
    }

    /**
     * Calls {@code onDetach()} when it is defined, {@code onAttach} finished, it was not called ahead
     * ({@link #detach()}) and the resource may still run, then drops the context.
     */
    void stop() {
        JsReloadHooks hooks = reload;
        reload = null;
        if (hooks != null) {
            hooks.unregister();
        }
        ServiceRegistration<RetainedMemory> measured = memory;
        memory = null;
        if (measured != null) {
            try {
                measured.unregister();
            } catch (IllegalStateException e) {
                // gone with the host bundle
            }
        }
        abandon("onAttach", attaching);
        abandon("onBootstrap", bootstrapping);
        abandon("onDetach", detaching);
        try {
            if (attached && !detached && !scope.script().isClosed()) {
                hook("onDetach", Budget.STOP);
            }
        } catch (JsException e) {
            detachFailed(e);
        } finally {
            timers.close();
            events.forget(scope);
            scope.script().close();
            scope.close();
        }
    }

    /** Ends a hook's promise that is still pending: the resource stops without waiting for it any longer. */
    private void abandon(String hook, @Nullable CompletableFuture<@Nullable Object> settling) {
        if (settling != null && !settling.isDone()) {
            settling.completeExceptionally(new JsRuntimeException(new JsFailure(scope.name(), "", 0,
                    "stopped while " + hook + " was still awaiting", ""), null));
        }
    }

    /** Calls a hook of the entry module, if it exports one, and waits for its promise. */
    private void hook(String name, Budget budget) {
        hook(name, budget, context -> new Object[0], value -> null);
    }

    /**
     * Calls a hook of the entry module, if it exports one, and waits for its promise.
     *
     * @param name the export
     * @param budget the bounds of the call
     * @param args makes its arguments, inside the context
     * @param result reads what it returned (or its promise's value), inside the context
     * @return what {@code result} read; {@code null} when the entry exports no such function
     * @throws JsException when it fails, or its promise is rejected or does not settle within the start timeout
     * @throws IllegalArgumentException when {@code result} refuses the value
     */
    @Nullable Object hook(String name, Budget budget, Function<Context, Object[]> args,
            Function<Value, @Nullable Object> result) {
        return await(name, begin(name, budget, args, result));
    }

    /**
     * Calls a hook of the entry module, if it exports one, without waiting for its promise.
     *
     * @return what {@code result} read, once the hook's promise has settled: done when the hook returned no promise
     *     or one that settled within the call; exceptionally when it failed
     * @throws JsException when the call itself fails
     */
    private CompletableFuture<@Nullable Object> begin(String name, Budget budget, Function<Context, Object[]> args,
            Function<Value, @Nullable Object> result) {
        var settled = new CompletableFuture<@Nullable Object>();
        scope.script().call(budget, context -> {
            Value hook = entry.getMember(name);
            if (hook == null || !hook.canExecute()) {
                settled.complete(null);
                return null;
            }
            Value value = hook.execute(args.apply(context));
            if (!Objects.requireNonNull(helpers).getMember("isThenable").execute(value).asBoolean()) {
                settled.complete(result.apply(value));
                return null;
            }
            helpers.getMember("settle").execute(value, (ProxyExecutable) values -> {
                try {
                    settled.complete(result.apply(values.length > 0 ? values[0] : context.asValue(null)));
                } catch (RuntimeException e) {
                    settled.completeExceptionally(e);
                }
                return null;
            }, (ProxyExecutable) values -> settled.completeExceptionally(rejection(name, values)));
            return null;
        });
        return settled;
    }

    /**
     * Why a hook's promise was rejected: where an {@code Error} was thrown (the resource's file and line, as for any
     * failure of its code), else what the promise was rejected with.
     */
    private JsRuntimeException rejection(String hook, Value[] args) {
        Value reason = args.length > 0 ? args[0] : null;
        if (reason != null && reason.isException()) {
            try {
                reason.throwException();
            } catch (PolyglotException thrown) {
                JsFailure at = JsFailure.of(scope.name(), thrown, scope.script().lines());
                return new JsRuntimeException(new JsFailure(at.resource(), at.file(), at.line(),
                        hook + " failed: " + at.message(), at.stack()), null);
            }
        }
        String text = reason == null ? "rejected" : reason.toString();
        return new JsRuntimeException(new JsFailure(scope.name(), "", 0, hook + " failed: " + text, ""), null);
    }

    /**
     * Waits for a hook's promise, running the resource's timers meanwhile (this may be the game thread).
     *
     * @return what the hook's {@code result} read
     * @throws JsException when the hook failed, or did not settle within the start timeout
     * @throws IllegalArgumentException when its {@code result} refused the value
     */
    private @Nullable Object await(String hook, CompletableFuture<@Nullable Object> settled) {
        long deadline = System.nanoTime() + scope.script().limits().startTimeout().toNanos();
        while (!settled.isDone()) {
            timers.runDue();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timedOut(hook);
            }
            try {
                settled.get(Math.min(left, Math.max(100_000L, timers.nanosToNext())), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // run the timers that are due, then wait again; or read the failure below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JsRuntimeException(new JsFailure(scope.name(), "", 0, hook + " was interrupted", ""), e);
            }
        }
        return outcome(hook, settled);
    }

    /**
     * What a settled hook read.
     *
     * @throws JsException when the hook failed
     * @throws IllegalArgumentException when its {@code result} refused the value
     */
    private @Nullable Object outcome(String hook, CompletableFuture<@Nullable Object> settled) {
        try {
            return settled.join();
        } catch (CompletionException e) {
            throw failure(hook, e.getCause() == null ? e : e.getCause());
        }
    }

    /** How the host reports a hook's failure: the script's, a refused value, or one line naming the hook. */
    private RuntimeException failure(String hook, Throwable cause) {
        return switch (cause) {
            case JsException script -> script;
            case IllegalArgumentException refused -> refused;
            case java.util.concurrent.TimeoutException late -> timedOut(hook);
            default -> new JsRuntimeException(new JsFailure(scope.name(), "", 0, hook + " failed: " + cause, ""),
                    cause);
        };
    }

    private JsRuntimeException timedOut(String hook) {
        return new JsRuntimeException(new JsFailure(scope.name(), "", 0, hook + " did not finish within "
                + scope.script().limits().startTimeout().toMillis() + " ms", ""), null);
    }

    /** Registers the entry module's exported functions as cross-language exports. */
    private void exportEntry() {
        scope.script().call(Budget.START, context -> {
            for (String key : entry.getMemberKeys()) {
                Value member = entry.getMember(key);
                if (!HOOKS.contains(key) && member.canExecute()) {
                    Exports.export(scope, key, member);
                }
            }
            return null;
        });
    }

    private static Value install(ResourceScope scope, JsTimers timers, Launch launch) {
        JsScript script = scope.script();
        return script.call(Budget.START, context -> {
            ProxyExecutable timer = args -> {
                scope.require(Permission.SCHEDULER, args[1].asLong() > 0 ? "setInterval" : "setTimeout");
                return timers.add(args[0].asLong(), args[1].asLong(), args[2]);
            };
            ProxyExecutable cancel = args -> {
                if (args[0].isNumber() && args[0].fitsInLong()) {
                    timers.cancel(args[0].asLong());
                }
                return null;
            };
            Value helpers = Prelude.run(context, scope.log(), timer, cancel);
            scope.install(context, GameObjects.ALL);
            Value global = script.globals();
            global.putMember("mc", McApi.create(scope));
            global.putMember("Resource", ResourceApi.create(scope, helpers.getMember("promise"), launch.worker()));
            global.putMember("AddEventHandler", ResourceApi.addEventHandler(scope));
            global.putMember("system", SystemApi.create(scope, launch.events(), launch.bootstrapped()));
            global.putMember("SystemEvents", ProxyObject.fromMap(new LinkedHashMap<>(SystemApi.SYSTEM_EVENTS)));
            global.putMember("ModSides", ProxyObject.fromMap(new LinkedHashMap<>(SystemApi.MOD_SIDES)));
            global.putMember("process", SystemApi.process(dataFolder(scope)));
            global.putMember("locale", LocaleApi.create(scope));
            Map<String, Builtin> builtins = launch.builtins();
            var define = context.eval(DEFINE_HIDDEN);
            define.execute("plinth.import", (ProxyExecutable) args -> Exports.importer(scope, args[0].asString(),
                    args[1].asString()));
            define.execute("plinth.builtin", (ProxyExecutable) args -> {
                Builtin builtin = builtins.get(args[0].asString());
                return builtin == null ? null : builtin.exports().apply(scope);
            });
            return helpers;
        });
    }

    private static java.nio.file.Path dataFolder(ResourceScope scope) {
        try {
            return scope.service(ConfigStore.class, "process.app").folder();
        } catch (RuntimeException e) {
            return java.nio.file.Path.of("data", scope.name());
        }
    }

    private static String builtinSource(String name, List<String> names) {
        String quoted = "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
        var source = new StringBuilder("const m = globalThis[Symbol.for('plinth.builtin')](" + quoted + ");\n"
                + "export default m;\n");
        for (String export : names) {
            source.append("export const ").append(export).append(" = m['").append(export).append("'];\n");
        }
        return source.toString();
    }

    /** {@return the resource name} */
    String name() {
        return scope.name();
    }
}
