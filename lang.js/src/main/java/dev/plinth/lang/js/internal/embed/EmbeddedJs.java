package dev.plinth.lang.js.internal.embed;

import dev.plinth.core.sandbox.script.ScriptFunction;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptRuntime;
import dev.plinth.core.sandbox.script.ScriptSetup;
import dev.plinth.lang.js.internal.binding.Prelude;
import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsException;
import dev.plinth.lang.js.internal.engine.JsLimitException;
import dev.plinth.lang.js.internal.engine.JsScript;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ScriptRuntime} on a {@link JsScript}: the prelude ({@code console.*}) and the setup's globals installed
 * before anything runs, files evaluated as ES modules with the start budget, functions called with the call budget,
 * failures turned into {@link ScriptRunException}s with the JavaScript host's report (resource, file, line, stack).
 * Timers ({@code setTimeout}, {@code setInterval}) run on the loop the setup names ({@link EmbeddedTimers}); without
 * one, {@code setTimeout} fails with a message saying so. {@code @id} imports reach what the setup's imports hand out.
 *
 * <p>Thread-safe, as {@link JsScript} is.
 */
final class EmbeddedJs implements ScriptRuntime {

    private final JsScript script;
    private final ScriptSetup setup;
    private final EmbeddedValues values;
    private final Optional<EmbeddedTimers> timers;

    private EmbeddedJs(JsScript script, ScriptSetup setup) {
        this.script = script;
        this.setup = setup;
        this.values = new EmbeddedValues(script, this::failure, setup.log());
        this.timers = setup.timers().map(loop -> new EmbeddedTimers(script, loop, setup.log()));
    }

    /**
     * Installs the prelude and the setup's globals into a fresh context.
     *
     * @param script the context, nothing run yet
     * @param setup the globals
     * @return the runtime
     * @throws ScriptRunException when a global cannot be installed
     */
    static EmbeddedJs open(JsScript script, ScriptSetup setup) {
        var runtime = new EmbeddedJs(script, setup);
        ProxyExecutable timer = args -> runtime.timers.orElseThrow(() -> new IllegalStateException("setTimeout and "
                + "setInterval are not available to the scripts of " + setup.resource() + " here: react to events "
                + "instead")).add(args[0].asLong(), args[1].asLong(), args[2]);
        ProxyExecutable cancel = args -> {
            if (args[0].isNumber() && args[0].fitsInLong()) {
                runtime.timers.ifPresent(timers -> timers.cancel(args[0].asLong()));
            }
            return null;
        };
        try {
            script.call(Budget.START, context -> {
                Prelude.run(context, setup.log(), timer, cancel);
                Value global = script.globals();
                for (Map.Entry<String, @Nullable Object> entry : setup.globals().entrySet()) {
                    global.putMember(entry.getKey(), runtime.values.toScript(entry.getKey(), entry.getValue()));
                }
                return null;
            });
        } catch (JsException e) {
            throw runtime.failure(e);
        }
        return runtime;
    }

    @Override
    public String resource() {
        return script.resource();
    }

    @Override
    public @Nullable Object run(String file) {
        try {
            Value exports = script.evalModule(file);
            return script.call(Budget.START, context -> values.fromScript(exports, "what " + file + " exported"));
        } catch (JsException e) {
            throw failure(e);
        } catch (IllegalArgumentException e) {
            throw new ScriptRunException(resource(), resource() + ": " + file + ": " + e.getMessage(), false);
        }
    }

    @Override
    public Optional<ScriptFunction> function(String name) {
        if (script.isClosed()) {
            return Optional.empty();
        }
        try {
            return script.call(Budget.START, context -> {
                Value global = script.globals().getMember(name);
                return global != null && global.canExecute() ? Optional.of(values.function(global))
                        : Optional.<ScriptFunction>empty();
            });
        } catch (JsException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isClosed() {
        return script.isClosed();
    }

    @Override
    public void close() {
        timers.ifPresent(EmbeddedTimers::close);
        script.close();
        script.account().close();
        setup.log().close();
    }

    private ScriptRunException failure(JsException e) {
        boolean fatal = e instanceof JsLimitException limit && limit.fatal();
        return new ScriptRunException(script.resource(), e.report(), fatal || script.isClosed());
    }
}
