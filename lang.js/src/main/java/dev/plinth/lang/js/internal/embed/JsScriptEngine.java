package dev.plinth.lang.js.internal.embed;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import dev.plinth.core.sandbox.memory.AllocationCounter;
import dev.plinth.core.sandbox.script.ScriptEngine;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptRuntime;
import dev.plinth.core.sandbox.script.ScriptSetup;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import dev.plinth.lang.js.internal.engine.AllocationWatch;
import dev.plinth.lang.js.internal.engine.JsLimits;
import dev.plinth.lang.js.internal.engine.JsRuntime;
import dev.plinth.lang.js.internal.engine.JsScript;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import dev.plinth.lang.js.internal.host.HostSettings;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The JavaScript host's {@link ScriptEngine}: ES modules ({@code .js}, {@code .mjs}) in contexts sandboxed exactly as
 * a JavaScript resource's (no host classes, no polyglot access, no threads, no I/O beyond the script's own files; the
 * statement budgets per call, per tick and per start, the wall-clock watchdog, the allocation guard, an account), with
 * the limits of the {@code js} and {@code sandbox} objects of {@code conf/server.json}, and only the API the caller
 * installs; {@code @id} imports and timers only as the setup provides them ({@link ScriptSetup#imports()},
 * {@link ScriptSetup#timers()}). Its GraalJS engine is created by the first {@link #open} (a server that runs no embedded script pays
 * nothing for it) and shared by every runtime it opens.
 *
 * <p>Thread-safe.
 */
@Component(service = ScriptEngine.class, property = ScriptEngine.LANGUAGE + "=js")
public final class JsScriptEngine implements ScriptEngine {

    private static final String LANGUAGE = "js";

    private final SandboxSettings sandbox;
    private final Watchdog watchdog;
    private final Accounts accounts;
    private final Logger log;
    private @Nullable JsRuntime runtime;
    private boolean closed;

    /**
     * Creates the engine; GraalJS starts with the first runtime.
     *
     * @param sandbox the sandbox settings
     * @param watchdog the wall-clock watchdog
     * @param accounts the accounts
     * @param loggers the log, for the engine's start line and invalid settings
     */
    @Activate
    public JsScriptEngine(@Reference SandboxSettings sandbox, @Reference Watchdog watchdog,
            @Reference Accounts accounts, @Reference LoggerFactory loggers) {
        this.sandbox = sandbox;
        this.watchdog = watchdog;
        this.accounts = accounts;
        this.log = loggers.getLogger(JsScriptEngine.class);
    }

    /** Closes the GraalJS engine (its open contexts are cancelled) and the allocation guard. */
    @Deactivate
    synchronized void close() {
        closed = true;
        JsRuntime open = runtime;
        runtime = null;
        if (open != null) {
            open.allocations().close();
            open.engine().close();
        }
    }

    @Override
    public String language() {
        return LANGUAGE;
    }

    @Override
    public boolean runs(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".js") || lower.endsWith(".mjs");
    }

    @Override
    public ScriptRuntime open(ScriptSetup setup) {
        HostSettings settings = HostSettings.read(sandbox, log::error);
        var limits = new JsLimits(sandbox.defaults(), settings.statementsPerCall(), settings.statementsPerTick());
        Account account = accounts.open(setup.account(), LANGUAGE, limits.statementsPerTick());
        try {
            JsScript script = JsScript.builder(setup.resource(), runtime(), new SetupModules(setup.resource(),
                            setup.files(), setup.imports()), account)
                    .withLimits(limits)
                    .withTicks(setup.ticks())
                    .onFatal(exception -> setup.onFatal().accept(exception.getMessage()))
                    .build();
            try {
                return EmbeddedJs.open(script, setup);
            } catch (RuntimeException e) {
                script.close();
                throw e;
            }
        } catch (RuntimeException e) {
            account.close();
            throw e instanceof ScriptRunException run ? run
                    : new ScriptRunException(setup.resource(), setup.resource() + ": " + e.getMessage(), false);
        }
    }

    /** The shared engine, started by the first runtime. */
    private synchronized JsRuntime runtime() {
        if (closed) {
            throw new IllegalStateException("the JavaScript script engine is closed");
        }
        JsRuntime open = runtime;
        if (open == null) {
            var engine = SharedEngine.create();
            var allocations = new AllocationWatch(AllocationCounter.platform());
            allocations.open();
            open = new JsRuntime(engine, watchdog, allocations);
            runtime = open;
            log.info("JavaScript for embedded scripts: GraalJS {}, {}", engine.version(), engine.mode());
        }
        return open;
    }
}
