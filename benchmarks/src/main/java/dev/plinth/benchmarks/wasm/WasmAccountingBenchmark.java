package dev.plinth.benchmarks.wasm;

import dev.plinth.benchmarks.sandbox.BusyTick;
import dev.plinth.benchmarks.sandbox.UnchargedAccount;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import java.util.List;
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
 * What per-resource accounting costs a WebAssembly plugin: {@value BusyTick#CALLS} chat events posted on the bus to
 * the chat handler of {@link WasmBench#MODULE} (compiled, which reads the whole message the host copies in), once
 * with the plugin's real account ({@code accounted}) and once with an account that records nothing
 * ({@code unaccounted}, {@link UnchargedAccount}), each plugin on a bus of its own, in the same run. The ratio the
 * issue asks for: accounted / unaccounted &lt; 1.05.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class WasmAccountingBenchmark {

    private WasmBench accountedBench;
    private WasmBench unaccountedBench;
    private WasmPlugin accountedPlugin;
    private WasmPlugin unaccountedPlugin;
    private PlayerChatEvent accountedChat;
    private PlayerChatEvent unaccountedChat;

    /** Starts both plugins, each on its own bus. */
    @Setup(Level.Trial)
    public void setUp() {
        accountedBench = new WasmBench();
        unaccountedBench = new WasmBench();
        byte[] binary = accountedBench.binary(WasmBench.MODULE);
        accountedPlugin = accountedBench.start("bench", accountedBench.prepare(binary, true));
        unaccountedPlugin = unaccountedBench.start("bench", unaccountedBench.prepare(binary, true),
                new UnchargedAccount("bench", "wasm"));
        accountedChat = new PlayerChatEvent(accountedBench.player, WasmBench.CHAT, "<%1$s> %2$s", List.of());
        unaccountedChat = new PlayerChatEvent(unaccountedBench.player, WasmBench.CHAT, "<%1$s> %2$s", List.of());
    }

    /** Stops both plugins and their watchdogs. */
    @TearDown(Level.Trial)
    public void tearDown() {
        accountedPlugin.stop();
        unaccountedPlugin.stop();
        accountedBench.close();
        unaccountedBench.close();
    }

    /** {@value BusyTick#CALLS} handler calls, each charged to the plugin's account. */
    @Benchmark
    public PlayerChatEvent accounted() {
        return BusyTick.post(accountedBench.bus, accountedChat);
    }

    /** The same calls with accounting off. */
    @Benchmark
    public PlayerChatEvent unaccounted() {
        return BusyTick.post(unaccountedBench.bus, unaccountedChat);
    }
}
