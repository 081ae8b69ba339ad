package dev.plinth.lang.lua.internal.host;

import dev.plinth.core.resource.reload.LoadedFiles;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.memory.RetainedMemory;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.ResourceContext;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.PreparedChunks;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.mc.McLibrary;
import dev.plinth.lang.lua.internal.mtadm.ResourceLibrary;
import dev.plinth.lang.lua.internal.reload.LuaReloadHooks;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaValue;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * One started Lua resource: its state, its APIs ({@code mc}, {@code Resource}, {@code AddEventHandler}), and its
 * lifecycle hooks, read from its globals without their metatable (the host runs no Lua outside a metered call).
 * Starting runs the server scripts in order, then {@code on_enable()}, all within the start's
 * wall-clock bound; stopping calls {@code on_disable()} within the stop's (unless the resource was stopped for
 * breaking its limits) and drops the state. What the scripts registered goes away with the bundle, not through this
 * class.
 *
 * <p>Thread-safe: lifecycle calls come from the thread that starts or stops the bundle.
 */
final class LuaResource {

    private final LuaScript script;
    private final ResourceContext context;
    private final LuaReloadHooks reload;
    private volatile @Nullable ServiceRegistration<RetainedMemory> memory;

    private LuaResource(LuaScript script, ResourceContext context, LuaReloadHooks reload) {
        this.script = script;
        this.context = context;
        this.reload = reload;
    }

    /**
     * Has the sandbox's memory monitor measure what the resource keeps, from now until it stops.
     *
     * @param host the host bundle's context, through which the {@link RetainedMemory} service is registered
     */
    void measureMemory(BundleContext host) {
        var properties = new Hashtable<String, Object>();
        properties.put(RetainedMemory.RESOURCE, context.name());
        memory = host.registerService(RetainedMemory.class,
                new LuaRetainedMemory(context, script.meter().limits().sandbox().maxRetainedBytes()), properties);
    }

    /**
     * What a resource runs with.
     *
     * @param name the resource name
     * @param bundle its bundle
     * @param scripts its server scripts, main first
     * @param limits its limits
     * @param grants the host APIs it may call
     * @param account its account
     * @param watchdog the server's watchdog
     * @param compiler how its chunks run
     * @param prepared its chunks compiled before the start, which it runs without parsing them
     * @param log its log; {@code print} writes there
     * @param ticks the server's tick clock
     * @param loaded told each file its scripts load, for hot reload
     */
    record Setup(String name, Bundle bundle, List<String> scripts, Limits limits, Grants grants, Account account,
            Watchdog watchdog, ChunkCompiler compiler, PreparedChunks prepared, ScriptLog log, LongSupplier ticks,
            LoadedFiles loaded) {}

    /**
     * Starts a resource.
     *
     * @param setup what it runs with
     * @param onFatal told when the resource broke its limits for good
     * @return the running resource
     * @throws ScriptException when a script fails to load or run, or {@code on_enable} fails
     */
    static LuaResource start(Setup setup, Consumer<ScriptLimitException> onFatal) {
        var files = new BundleScriptFiles(setup.bundle(), path -> setup.loaded().loaded(setup.bundle(), path));
        LuaScript script = LuaScript.builder(setup.name(), files)
                .withLimits(setup.limits())
                .withGrants(setup.grants())
                .withAccount(setup.account())
                .withWatchdog(setup.watchdog())
                .withCompiler(setup.compiler())
                .withPrepared(setup.prepared())
                .withConsole(setup.log()::print)
                .withTicks(setup.ticks())
                .onFatal(onFatal)
                .build();
        var context = new ResourceContext(setup.name(), setup.bundle(), script, setup.log());
        McLibrary.install(context);
        ResourceLibrary.install(context);
        dev.plinth.lang.lua.internal.locale.LocaleLibrary.install(context);
        LuaReloadHooks reload = LuaReloadHooks.install(context);
        LuaFunctions.name(script.globals());
        long deadline = System.nanoTime() + setup.limits().sandbox().startTimeout().toNanos();
        try {
            for (String file : setup.scripts()) {
                script.run(file, deadline - System.nanoTime());
            }
            LuaValue onEnable = script.globals().rawget("on_enable");
            if (onEnable.isfunction()) {
                script.call(Budget.START, deadline - System.nanoTime(), onEnable, LuaValue.NONE);
            }
        } catch (ScriptException e) {
            script.close();
            context.close();
            throw e;
        }
        reload.register();
        return new LuaResource(script, context, reload);
    }

    /**
     * Calls {@code on_disable()} when it is defined and the resource may still run, then drops the state.
     *
     * @return why the resource ends in error: its disable hook broke a limit (it ran past the stop's wall-clock
     *     bound, say); empty when it stopped cleanly or failed with a plain error
     */
    Optional<String> stop() {
        reload.unregister();
        ServiceRegistration<RetainedMemory> measured = memory;
        if (measured != null) {
            try {
                measured.unregister();
            } catch (IllegalStateException e) {
                // gone with the host bundle
            }
        }
        Optional<String> failure = Optional.empty();
        try {
            LuaValue onDisable = script.globals().rawget("on_disable");
            if (onDisable.isfunction() && !script.isClosed()) {
                script.call(Budget.STOP, onDisable, LuaValue.NONE);
            }
        } catch (ScriptLimitException e) {
            context.log().error("on_disable failed: " + e.report());
            failure = Optional.of(e.getMessage() + ", in on_disable");
        } catch (ScriptException e) {
            context.log().error("on_disable failed: " + e.report());
        } finally {
            script.close();
            context.close();
            script.account().close();
        }
        return failure;
    }

    /** {@return the resource's state} */
    LuaScript script() {
        return script;
    }
}
