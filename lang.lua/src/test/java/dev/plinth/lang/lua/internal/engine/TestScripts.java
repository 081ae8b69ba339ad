package dev.plinth.lang.lua.internal.engine;

import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Builds Lua states for tests: files in memory, printed lines collected, both execution modes. */
public final class TestScripts {

    /** One watchdog for the tests of this JVM, its thread started. */
    public static final Watchdog WATCHDOG = startedWatchdog();
    /** The accounts of the tests' resources. */
    public static final AccountBook ACCOUNTS = new AccountBook();

    /** The two ways a chunk runs. */
    public enum Mode {
        /** LuaJ's interpreter with the instruction hook. */
        INTERPRETED(ChunkCompiler.INTERPRETER),
        /** LuaJC bytecode with compiled checkpoints; fails the test instead of falling back. */
        COMPILED(new LuaJcCompiler());

        private final ChunkCompiler compiler;

        Mode(ChunkCompiler compiler) {
            this.compiler = compiler;
        }

        /**
         * The strategy.
         *
         * @return the compiler
         */
        public ChunkCompiler compiler() {
            return compiler;
        }
    }

    /** What a test script printed. */
    public final List<String> printed = new ArrayList<>();
    /** The fatal limit exceptions reported. */
    public final List<ScriptLimitException> fatal = new ArrayList<>();

    /**
     * A state for the given files.
     *
     * @param mode how chunks run
     * @param files path to source
     * @return the state
     */
    public LuaScript script(Mode mode, Map<String, String> files) {
        return script(mode, files, Limits.defaults(), () -> 0);
    }

    /**
     * A state with limits and a tick clock.
     *
     * @param mode how chunks run
     * @param files path to source
     * @param limits the limits
     * @param ticks the tick clock
     * @return the state
     */
    public LuaScript script(Mode mode, Map<String, String> files, Limits limits, LongSupplier ticks) {
        Consumer<ScriptLimitException> onFatal = fatal::add;
        return builder("test", ScriptFiles.of(files), limits)
                .withCompiler(mode.compiler())
                .withTicks(ticks)
                .withConsole(printed::add)
                .onFatal(onFatal)
                .build();
    }

    /**
     * A state with the default limits and a tick clock, its main chunk run.
     *
     * @param mode how chunks run
     * @param main the source of {@code main.lua}
     * @param ticks the tick clock
     * @return the started state
     */
    public LuaScript started(Mode mode, String main, LongSupplier ticks) {
        LuaScript script = script(mode, Map.of("main.lua", main), Limits.defaults(), ticks);
        script.run("main.lua");
        return script;
    }

    /**
     * A builder with the test watchdog and a fresh account.
     *
     * @param resource the resource name
     * @param files its files
     * @param limits its limits
     * @return the builder
     */
    public static LuaScript.Builder builder(String resource, ScriptFiles files, Limits limits) {
        return LuaScript.builder(resource, files)
                .withLimits(unhurried(limits))
                .withWatchdog(WATCHDOG)
                .withAccount(ACCOUNTS.open(resource, "lua", limits.instructionsPerTick()));
    }

    /**
     * Limits whose wall-clock bounds, when left at their defaults, are a minute: tests about budgets and memory must
     * not fail when a busy machine makes a call slower than the default second. Tests of the clock set their own.
     */
    private static Limits unhurried(Limits limits) {
        SandboxLimits sandbox = limits.sandbox();
        if (!sandbox.callTimeout().equals(SandboxLimits.DEFAULTS.callTimeout())
                || !sandbox.startTimeout().equals(SandboxLimits.DEFAULTS.startTimeout())) {
            return limits;
        }
        Duration minute = Duration.ofMinutes(1);
        return limits.withSandbox(sandbox.withTimeouts(minute, minute, minute));
    }

    private static Watchdog startedWatchdog() {
        var watchdog = new WatchdogService(message -> { });
        watchdog.start();
        return watchdog;
    }
}
