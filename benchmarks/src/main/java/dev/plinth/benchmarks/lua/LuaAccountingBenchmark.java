package dev.plinth.benchmarks.lua;

import dev.plinth.benchmarks.sandbox.BusyTick;
import dev.plinth.benchmarks.sandbox.UnchargedAccount;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.internal.EventDispatcher;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import dev.plinth.lang.lua.internal.mc.LuaEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What per-resource accounting costs a Lua resource: {@value BusyTick#CALLS} chat events posted on the bus
 * to the Lua chat filter of {@link LuaBenchmark} (compiled, as the host runs it), once with the resource's real
 * account ({@code accounted}: the per-tick budget read, the sampled clock, the charge under the account's lock) and
 * once with an account that records nothing ({@code unaccounted}, {@link UnchargedAccount}), in the same run. The
 * ratio the issue asks for: accounted / unaccounted &lt; 1.05.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class LuaAccountingBenchmark {

    private final WatchdogService watchdog = new WatchdogService(message -> { });
    private LuaScript accountedScript;
    private LuaScript unaccountedScript;
    private EventBus accountedBus;
    private EventBus unaccountedBus;
    private PlayerChatEvent event;

    /** Builds both resources and their buses. */
    @Setup(Level.Trial)
    public void setUp() {
        watchdog.start();
        event = new PlayerChatEvent(new BenchPlayer("Steve"), "hello everyone, nice server",
                PlayerChatEvent.DEFAULT_FORMAT, List.of());
        accountedScript = script(new AccountBook().open("bench", "lua", Long.MAX_VALUE / 4));
        unaccountedScript = script(new UnchargedAccount("bench", "lua"));
        accountedBus = bus(accountedScript);
        unaccountedBus = bus(unaccountedScript);
    }

    /** Closes both resources and stops the watchdog. */
    @TearDown(Level.Trial)
    public void tearDown() {
        accountedScript.close();
        unaccountedScript.close();
        watchdog.stop();
    }

    /** {@value BusyTick#CALLS} handler calls, each charged to the resource's account. */
    @Benchmark
    public PlayerChatEvent accounted() {
        return BusyTick.post(accountedBus, event);
    }

    /** The same calls with accounting off. */
    @Benchmark
    public PlayerChatEvent unaccounted() {
        return BusyTick.post(unaccountedBus, event);
    }

    private LuaScript script(Account account) {
        Duration hour = Duration.ofHours(1);
        var limits = new Limits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, Long.MAX_VALUE / 4, 200, 16,
                SandboxLimits.DEFAULTS.withMaxCallAllocBytes(1L << 40).withTimeouts(hour, hour, hour));
        LuaScript script = LuaScript.builder("bench", ScriptFiles.of(Map.of("main.lua", LuaBenchmark.SOURCE)))
                .withCompiler(new LuaJcCompiler())
                .withLimits(limits)
                .withWatchdog(watchdog)
                .withAccount(account)
                .build();
        script.run("main.lua");
        return script;
    }

    private static EventBus bus(LuaScript script) {
        EventBus bus = new EventDispatcher(EventDispatcher.DEFAULT_TIMING_RATE).open("bench");
        bus.subscribe(PlayerChatEvent.class, HandlerOptions.defaults(), new LuaEventHandler(script,
                script.globals().get("chat_filter"), EventPriority.NORMAL, false, QuietLog.INSTANCE));
        return bus;
    }
}
