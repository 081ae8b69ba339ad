package dev.plinth.benchmarks.wasm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The WebAssembly host against raw Chicory, compiled and interpreted, all in one run:
 * <ul>
 *   <li>{@code wasmDispatchJoin} against {@code wasmRawJoin}: a join event posted on Plinth's bus to a plugin's
 *       {@code on_player_join} (bus, metered call, watch, account) against the same function of the same module called
 *       on a raw Chicory instance (unmetered); {@code wasmCallJoin} is the host's call alone (metering, watch,
 *       account, without the bus);</li>
 *   <li>{@code wasmDispatchChat} against {@code wasmRawChat}: a chat event to {@code on_player_chat}, which looks for
 *       "spam" in the message, against the embedder's own work on raw Chicory (the message's bytes, {@code alloc}, a
 *       copy into memory, the handler);</li>
 *   <li>{@code wasmHostCalls} against {@code wasmRawHostCalls}: a function calling {@code mc_get_player_name} a hundred
 *       times, linked to Plinth's host function (checked pointers, fuel) against a raw Chicory host function doing the
 *       same work;</li>
 *   <li>{@code wasmFib} (fib(25), metered) against {@code wasmFibUnmetered} (raw Chicory) and {@code wasmFibJava}.</li>
 * </ul>
 * The targets (compiled): dispatch / raw &le; 1.2, host calls / raw &le; 1.3, metered fib / Java &le; 1.5, metered /
 * unmetered fib &le; 1.3; the interpreter is reported beside it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class WasmBenchmark {

    /** How the module runs, in Plinth and in raw Chicory alike. */
    @Param({"compiled", "interpreted"})
    public String mode;

    private WasmBench bench;
    private WasmPlugin plugin;
    private Guest guest;
    private ExportFunction names;
    private ExportFunction fib;
    private ExportFunction join;
    private ExportFunction rawJoin;
    private ExportFunction rawAlloc;
    private ExportFunction rawChat;
    private Memory rawMemory;
    private ExportFunction rawNames;
    private ExportFunction rawFib;
    private PlayerJoinEvent joinEvent;

    /** Starts the plugin and the raw instance. */
    @Setup(Level.Trial)
    public void setUp() {
        boolean compiled = mode.equals("compiled");
        bench = new WasmBench();
        byte[] binary = bench.binary(WasmBench.MODULE);
        plugin = bench.start("bench", bench.prepare(binary, compiled));
        guest = plugin.guest();
        names = guest.export("names");
        fib = guest.export("fib");
        join = guest.export("on_player_join");
        joinEvent = new PlayerJoinEvent(bench.player, "joined");

        WasmModule module = Parser.parse(binary);
        var builder = Instance.builder(module).withImportValues(ImportValues.builder().addFunction(rawName()).build());
        if (compiled) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        Instance raw = builder.build();
        rawJoin = raw.export("on_player_join");
        rawAlloc = raw.export("alloc");
        rawChat = raw.export("on_player_chat");
        rawMemory = raw.memory();
        rawNames = raw.export("names");
        rawFib = raw.export("fib");
    }

    /** Stops the watchdog. */
    @TearDown(Level.Trial)
    public void tearDown() {
        plugin.stop();
        bench.close();
    }

    /** The raw host function: the same work as Plinth's {@code mc_get_player_name}, without checks or fuel. */
    private HostFunction rawName() {
        return new HostFunction("env", "mc_get_player_name",
                FunctionType.of(List.of(ValType.I64, ValType.I32, ValType.I32), List.of(ValType.I32)),
                (Instance instance, long... args) -> {
                    var player = bench.server.entity(args[0]).filter(Player.class::isInstance).map(Player.class::cast);
                    if (player.isEmpty()) {
                        return new long[] {1};
                    }
                    Memory memory = instance.memory();
                    byte[] name = player.get().name().getBytes(StandardCharsets.UTF_8);
                    int capacity = memory.readInt((int) args[2]);
                    memory.write((int) args[1], name, 0, Math.min(capacity, name.length));
                    memory.writeI32((int) args[2], name.length);
                    return new long[] {0};
                });
    }

    /** Plinth: a join event through the bus to the plugin's handler. */
    @Benchmark
    public PlayerJoinEvent wasmDispatchJoin() {
        return bench.bus.post(joinEvent);
    }

    /** Plinth: the join handler called by the host without the bus. */
    @Benchmark
    public long[] wasmCallJoin() {
        return guest.call(CallKind.EVENT, "on_player_join", join, 1L);
    }

    /** Raw Chicory: the same handler called directly. */
    @Benchmark
    public long[] wasmRawJoin() {
        return rawJoin.apply(1L);
    }

    /** Plinth: a chat event through the bus to the plugin's handler, which reads the whole message. */
    @Benchmark
    public boolean wasmDispatchChat() {
        return bench.bus.post(new PlayerChatEvent(bench.player, WasmBench.CHAT, "<%1$s> %2$s", List.of()))
                .isCancelled();
    }

    /** Raw Chicory: the message's bytes, the module's allocator, a copy into its memory and the handler. */
    @Benchmark
    public boolean wasmRawChat() {
        byte[] message = WasmBench.CHAT.getBytes(StandardCharsets.UTF_8);
        int ptr = (int) rawAlloc.apply(message.length)[0];
        rawMemory.write(ptr, message);
        return rawChat.apply(1L, ptr, message.length)[0] != 0;
    }

    /** Plinth: 100 calls of {@code mc_get_player_name}. */
    @Benchmark
    public long[] wasmHostCalls() {
        return guest.call(CallKind.CALL, "names", names, 1L);
    }

    /** Raw Chicory: the same with a raw host function. */
    @Benchmark
    public long[] wasmRawHostCalls() {
        return rawNames.apply(1L);
    }

    /** Plinth: fib(25), metered. */
    @Benchmark
    public long[] wasmFib() {
        return guest.call(CallKind.CALL, "fib", fib, 25);
    }

    /** Raw Chicory: fib(25), unmetered. */
    @Benchmark
    public long[] wasmFibUnmetered() {
        return rawFib.apply(25);
    }

    /** Java: fib(25). */
    @Benchmark
    public int wasmFibJava() {
        return fibJava(25);
    }

    private static int fibJava(int n) {
        return n < 2 ? n : fibJava(n - 1) + fibJava(n - 2);
    }
}
