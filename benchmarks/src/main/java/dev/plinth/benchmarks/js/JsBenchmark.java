package dev.plinth.benchmarks.js;

import dev.plinth.benchmarks.lua.BenchPlayer;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.internal.EventDispatcher;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.lang.js.internal.binding.HostObjects;
import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsScript;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.lang.js.internal.mc.EventView;
import dev.plinth.lang.js.internal.mc.JsEventHandler;
import dev.plinth.lang.js.internal.mc.GameObjects;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
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
 * The JavaScript host against raw GraalJS, in the same context:
 * <ul>
 *   <li>{@code jsDispatchChat} against {@code jsRawChat}: a chat event posted on Plinth's bus to a JavaScript chat filter
 *       (bus, bounded call, watchdog, event view) against {@code Value.execute} of the same function with the same
 *       view;</li>
 *   <li>{@code jsHostCalls} against {@code jsRawHostCalls}: 100 {@code player.name()} calls from JavaScript against 100
 *       calls of a plain {@code ProxyExecutable} returning the same name.</li>
 * </ul>
 * The ratios the issue asks for: jsDispatchChat / jsRawChat &le; 1.2, jsHostCalls / jsRawHostCalls &le; 1.3. Run with the
 * Graal JIT (BenchMain adds the flags when it is given the compiler's folder).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class JsBenchmark {

    static final String SOURCE = """
            export function chatFilter(event) {
              if (event.message.includes("badword")) {
                event.cancel();
                event.player.send_message("Message not allowed!");
              }
            }
            export function hostCalls(player) {
              let n;
              for (let i = 0; i < 100; i++) n = player.name();
              return n;
            }
            export function rawHostCalls(player, name) {
              let n;
              for (let i = 0; i < 100; i++) n = name(player);
              return n;
            }
            """;

    private BenchRuntime runtime;
    private JsScript script;
    private EventBus chatBus;
    private PlayerChatEvent event;
    private Value chatFilter;
    private Value hostCalls;
    private Value rawHostCalls;
    private HostObjects objects;
    private Value player;
    private ProxyExecutable name;

    /** Builds the engine, the resource's context, the bus. */
    @Setup(Level.Trial)
    public void setUp() {
        runtime = new BenchRuntime();
        script = runtime.script("bench", Map.of("main.js", SOURCE));
        Value exports = script.evalModule("main.js");
        chatFilter = script.call(Budget.CALL, c -> exports.getMember("chatFilter"));
        hostCalls = script.call(Budget.CALL, c -> exports.getMember("hostCalls"));
        rawHostCalls = script.call(Budget.CALL, c -> exports.getMember("rawHostCalls"));
        Player bench = new BenchPlayer("Steve");
        objects = script.call(Budget.CALL, c -> HostObjects.create(c, GameObjects.ALL,
                new Grants("bench", Grants.DEFAULT)));
        player = script.call(Budget.CALL, c -> objects.wrap(GameObjects.PLAYER, bench));
        name = args -> bench.name();
        event = new PlayerChatEvent(bench, "hello everyone, nice server", PlayerChatEvent.DEFAULT_FORMAT, List.of());
        chatBus = new EventDispatcher(EventDispatcher.DEFAULT_TIMING_RATE).open("bench");
        chatBus.subscribe(PlayerChatEvent.class, HandlerOptions.defaults(),
                new JsEventHandler(script, chatFilter, EventPriority.NORMAL, objects));
        // Truffle compiles guest code on background threads, after many calls: warm every path up before JMH's own
        // (short) warm-up iterations, so they measure compiled code.
        long until = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 1000; i++) {
                jsDispatchChat();
                jsRawChat();
                jsHostCalls();
                jsRawHostCalls();
            }
        }
    }

    /** How long {@link #setUp()} runs every benchmark before measuring. */
    static final long WARM_UP_NANOS = 10_000_000_000L;

    /** Closes the context and the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        script.close();
        runtime.close();
    }

    /** Plinth: a chat event through the bus to the JavaScript chat filter. */
    @Benchmark
    public PlayerChatEvent jsDispatchChat() {
        return chatBus.post(event);
    }

    /** Raw GraalJS: the same filter called with {@code Value.execute} and the event's view. */
    @Benchmark
    public Value jsRawChat() {
        return chatFilter.execute(new EventView(event, true, objects));
    }

    /** 100 {@code player.name()} calls from JavaScript. */
    @Benchmark
    public Value jsHostCalls() {
        return script.call(Budget.CALL, hostCalls, player);
    }

    /** 100 calls of a plain {@code ProxyExecutable} from JavaScript, same context. */
    @Benchmark
    public Value jsRawHostCalls() {
        return script.call(Budget.CALL, rawHostCalls, player, name);
    }
}
