package dev.plinth.lang.lua.internal.embed;

import dev.plinth.core.sandbox.script.ScriptFunction;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptRuntime;
import dev.plinth.core.sandbox.script.ScriptSetup;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaValue;

/**
 * A {@link ScriptRuntime} on a {@link LuaScript}: the setup's globals installed before anything runs, files run with
 * the start budget, functions called with the call budget, failures turned into {@link ScriptRunException}s with the
 * report of the Lua host (resource, file, line, traceback).
 *
 * <p>Thread-safe, as {@link LuaScript} is.
 */
final class EmbeddedLua implements ScriptRuntime {

    private final LuaScript script;
    private final ScriptSetup setup;
    private final HostValues values;

    private EmbeddedLua(LuaScript script, ScriptSetup setup) {
        this.script = script;
        this.setup = setup;
        this.values = new HostValues(script, this::failure);
    }

    /**
     * Installs the setup's globals into a fresh state.
     *
     * @param script the state, nothing run yet
     * @param setup the globals
     * @return the runtime
     */
    static EmbeddedLua open(LuaScript script, ScriptSetup setup) {
        var runtime = new EmbeddedLua(script, setup);
        for (Map.Entry<String, @Nullable Object> global : setup.globals().entrySet()) {
            script.globals().rawset(global.getKey(), runtime.values.toLua(global.getKey(), global.getValue()));
        }
        LuaFunctions.name(script.globals());
        return runtime;
    }

    @Override
    public String resource() {
        return script.resource();
    }

    @Override
    public @Nullable Object run(String file) {
        try {
            return values.fromLua(script.run(file), "what " + file + " returned");
        } catch (ScriptException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<ScriptFunction> function(String name) {
        LuaValue value = script.globals().get(name);
        return value.isfunction() ? Optional.of(values.function(value)) : Optional.empty();
    }

    @Override
    public boolean isClosed() {
        return script.isClosed();
    }

    @Override
    public void close() {
        script.close();
        script.account().close();
        setup.log().close();
    }

    private ScriptRunException failure(ScriptException e) {
        boolean fatal = e instanceof ScriptLimitException limit && limit.fatal();
        return new ScriptRunException(script.resource(), e.report(), fatal || script.isClosed());
    }
}
