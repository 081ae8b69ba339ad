package dev.plinth.lang.lua.internal.host;

import dev.plinth.lang.lua.internal.binding.ResourceContext;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.mc.McLibrary;
import dev.plinth.lang.lua.internal.mtadm.ResourceLibrary;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.luaj.vm2.LuaValue;
import org.osgi.framework.Bundle;
import org.osgi.service.log.Logger;

/**
 * One started Lua resource: its state, its APIs ({@code mc}, {@code Resource}, {@code AddEventHandler}), and its
 * lifecycle hooks. Starting runs the server scripts in order, then {@code on_enable()}; stopping calls
 * {@code on_disable()} (unless the resource was stopped for breaking its limits) and drops the state. What the
 * scripts registered goes away with the bundle, not through this class.
 *
 * <p>Thread-safe: lifecycle calls come from the thread that starts or stops the bundle.
 */
final class LuaResource {

    private final LuaScript script;
    private final ResourceContext context;

    private LuaResource(LuaScript script, ResourceContext context) {
        this.script = script;
        this.context = context;
    }

    /**
     * Starts a resource.
     *
     * @param name the resource name
     * @param bundle its bundle
     * @param scripts its server scripts, main first
     * @param limits its limits
     * @param compiler how its chunks run
     * @param logger its logger; {@code print} writes there
     * @param ticks the server's tick clock
     * @param onFatal told when the resource broke its limits for good
     * @return the running resource
     * @throws ScriptException when a script fails to load or run, or {@code on_enable} fails
     */
    static LuaResource start(String name, Bundle bundle, List<String> scripts, Limits limits, ChunkCompiler compiler,
            Logger logger, LongSupplier ticks, Consumer<ScriptLimitException> onFatal) {
        LuaScript script = LuaScript.builder(name, new BundleScriptFiles(bundle))
                .withLimits(limits)
                .withCompiler(compiler)
                .withConsole(line -> logger.info("{}", line))
                .withTicks(ticks)
                .onFatal(onFatal)
                .build();
        var context = new ResourceContext(name, bundle, script, logger);
        McLibrary.install(context);
        ResourceLibrary.install(context);
        dev.plinth.lang.lua.internal.locale.LocaleLibrary.install(context);
        try {
            for (String file : scripts) {
                script.run(file);
            }
            LuaValue onEnable = script.globals().get("on_enable");
            if (onEnable.isfunction()) {
                script.call(Budget.START, onEnable, LuaValue.NONE);
            }
        } catch (ScriptException e) {
            script.close();
            context.close();
            throw e;
        }
        return new LuaResource(script, context);
    }

    /** Calls {@code on_disable()} when it is defined and the resource may still run, then drops the state. */
    void stop() {
        try {
            LuaValue onDisable = script.globals().get("on_disable");
            if (onDisable.isfunction() && !script.isClosed()) {
                script.call(Budget.START, onDisable, LuaValue.NONE);
            }
        } catch (ScriptException e) {
            context.logger().error("on_disable failed: {}", e.report());
        } finally {
            script.close();
            context.close();
        }
    }

    /** {@return the resource's state} */
    LuaScript script() {
        return script;
    }
}
