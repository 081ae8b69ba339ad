package dev.plinth.lang.lua.internal.embed;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.script.ScriptEngine;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptRuntime;
import dev.plinth.core.sandbox.script.ScriptSetup;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.host.HostSettings;
import dev.plinth.lang.lua.internal.luajc.BoundedCompiler;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The Lua host's {@link ScriptEngine}: runtimes sandboxed exactly as a Lua resource (the whitelisted globals,
 * instruction budgets per call, per tick and per start, the wall-clock watchdog, the allocation guard, LuaJC bounded
 * in function size and compile time on the compiler threads, an account),
 * with the limits of the {@code lua} and {@code sandbox} objects of {@code conf/server.json}, and only the API the
 * caller installs.
 *
 * <p>Thread-safe.
 */
@Component(service = ScriptEngine.class, property = ScriptEngine.LANGUAGE + "=lua")
public final class LuaScriptEngine implements ScriptEngine {

    private static final String LANGUAGE = "lua";

    private final SandboxSettings sandbox;
    private final Watchdog watchdog;
    private final Accounts accounts;
    private final Logger log;
    private final ExecutorService compilerThreads =
            Executors.newCachedThreadPool(Thread.ofPlatform().name(BoundedCompiler.THREAD, 1).daemon().factory());

    /**
     * Creates the engine.
     *
     * @param sandbox the sandbox settings
     * @param watchdog the wall-clock watchdog
     * @param accounts the accounts
     * @param loggers the log, for the chunks LuaJC cannot compile
     */
    @Activate
    public LuaScriptEngine(@Reference SandboxSettings sandbox, @Reference Watchdog watchdog,
            @Reference Accounts accounts, @Reference LoggerFactory loggers) {
        this.sandbox = sandbox;
        this.watchdog = watchdog;
        this.accounts = accounts;
        this.log = loggers.getLogger(LuaScriptEngine.class);
    }

    /** Ends the compiler threads. */
    @Deactivate
    void close() {
        compilerThreads.shutdownNow();
    }

    @Override
    public String language() {
        return LANGUAGE;
    }

    @Override
    public boolean runs(String file) {
        return file.toLowerCase(Locale.ROOT).endsWith(".lua");
    }

    /** LuaJC within the host's bounds (function size, compile time, compiler threads), else the interpreter. */
    private ChunkCompiler compiler(HostSettings settings) {
        if (!settings.compiled()) {
            return ChunkCompiler.INTERPRETER;
        }
        return new BoundedCompiler(new LuaJcCompiler(), compilerThreads, settings.maxCompiledFunctionSize(),
                settings.compileTimeout()).orElse(ChunkCompiler.INTERPRETER, (resource, file, cause) ->
                        log.warn("{}: {} runs interpreted: {}", resource, file, cause.getMessage()));
    }

    @Override
    public ScriptRuntime open(ScriptSetup setup) {
        HostSettings settings = HostSettings.read(sandbox, log::error);
        Account account = accounts.open(setup.account(), LANGUAGE, settings.limits().instructionsPerTick());
        try {
            LuaScript script = LuaScript.builder(setup.resource(), path -> setup.files().read(path))
                    .withLimits(settings.limits())
                    .withGrants(Grants.of(setup.resource(), "its manifest", Optional.empty()))
                    .withAccount(account)
                    .withWatchdog(watchdog)
                    .withCompiler(compiler(settings))
                    .withConsole(setup.log()::print)
                    .withTicks(setup.ticks())
                    .onFatal(exception -> setup.onFatal().accept(exception.getMessage()))
                    .build();
            return EmbeddedLua.open(script, setup);
        } catch (RuntimeException e) {
            account.close();
            throw e instanceof ScriptRunException run ? run
                    : new ScriptRunException(setup.resource(), setup.resource() + ": " + e.getMessage(), false);
        }
    }
}
