package dev.plinth.benchmarks.lua;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.internal.EventDispatcher;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import dev.plinth.lang.lua.internal.mc.LuaEventHandler;
import dev.plinth.lang.lua.internal.mc.PlayerType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.luajc.LuaJC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;

/**
 * The Lua host against raw LuaJ, interpreted and compiled (LuaJC):
 * <ul>
 *   <li>{@code dispatch*}: a chat event posted on Plinth's bus to a Lua handler (bus, metered call, sandbox, event
 *       view) against {@code raw*}, stock LuaJ calling the same function with the same event view;</li>
 *   <li>{@code hostCalls} against {@code rawFunctionCalls}: 100 {@code player:name()} calls from Lua against 100 calls of
 *       a plain LuaJ {@code OneArgFunction} returning the same name, in the same state;</li>
 *   <li>{@code fibPlinth} against {@code fibRawLuaJ}: CPU-bound Lua (fib(20)), metered Plinth state against stock LuaJ.</li>
 * </ul>
 * The ratios the issue asks for: dispatchChat / rawChat &le; 1.2, hostCalls / rawFunctionCalls &le; 1.3.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class LuaBenchmark {

    /**
     * The scripts of both states. The filter calls {@code string.find} rather than {@code message:find}: a string's
     * methods come from the one string metatable of the JVM, which Plinth fills with its metered functions, while
     * each state's {@code string} table is its own (Plinth's metered, stock LuaJ's for the raw state).
     */
    static final String SOURCE = """
            function chat_filter(event)
              if string.find(event.message, "badword") then
                event:cancel()
                event.player:send_message("Message interdit !")
              end
            end
            function empty_handler(event) end
            function host_calls(player)
              local n
              for i = 1, 100 do n = player:name() end
              return n
            end
            function raw_calls(player, name)
              local n
              for i = 1, 100 do n = name(player) end
              return n
            end
            function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
            """;

    /** How chunks run in both the Plinth state and the raw LuaJ one. */
    @Param({"interpreted", "compiled"})
    public String mode;

    private EventBus chatBus;
    private EventBus emptyBus;
    private PlayerChatEvent event;
    private LuaEventHandler chatHandler;
    private LuaScript script;
    private WatchdogService watchdog;
    private LuaValue hostCalls;
    private LuaValue rawCalls;
    private LuaValue fib;
    private Varargs playerArgs;
    private Varargs playerAndName;
    private LuaValue rawChat;
    private LuaValue rawEmpty;
    private LuaValue rawFib;

    /** Stops the watchdog thread. */
    @TearDown(Level.Trial)
    public void tearDown() {
        script.close();
        watchdog.stop();
    }

    /** Builds the Plinth state, the bus and the raw LuaJ state. */
    @Setup(Level.Trial)
    public void setUp() {
        boolean compiled = mode.equals("compiled");
        Duration hour = Duration.ofHours(1);
        var limits = new Limits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, Long.MAX_VALUE / 4, 200, 16,
                SandboxLimits.DEFAULTS.withMaxCallAllocBytes(1L << 40).withTimeouts(hour, hour, hour));
        watchdog = new WatchdogService(message -> { });
        watchdog.start();
        script = LuaScript.builder("bench", ScriptFiles.of(Map.of("main.lua", SOURCE)))
                .withCompiler(compiled ? new LuaJcCompiler() : ChunkCompiler.INTERPRETER)
                .withLimits(limits)
                .withWatchdog(watchdog)
                .withAccount(new AccountBook().open("bench", "lua", limits.instructionsPerTick()))
                .build();
        script.run("main.lua");
        Player player = new BenchPlayer("Steve");
        event = new PlayerChatEvent(player, "hello everyone, nice server", PlayerChatEvent.DEFAULT_FORMAT, List.of());
        chatHandler = new LuaEventHandler(script, script.globals().get("chat_filter"), EventPriority.NORMAL, false,
                QuietLog.INSTANCE);
        chatBus = new EventDispatcher(EventDispatcher.DEFAULT_TIMING_RATE).open("bench");
        chatBus.subscribe(PlayerChatEvent.class, HandlerOptions.defaults(), chatHandler);
        emptyBus = new EventDispatcher(EventDispatcher.DEFAULT_TIMING_RATE).open("bench");
        emptyBus.subscribe(PlayerChatEvent.class, HandlerOptions.defaults(),
                new LuaEventHandler(script, script.globals().get("empty_handler"), EventPriority.NORMAL, false,
                        QuietLog.INSTANCE));
        hostCalls = script.globals().get("host_calls");
        rawCalls = script.globals().get("raw_calls");
        fib = script.globals().get("fib");
        LuaValue playerValue = PlayerType.wrap(player);
        playerArgs = playerValue;
        playerAndName = LuaValue.varargsOf(playerValue, new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue self) {
                return valueOf(((Player) self.touserdata()).name());
            }
        });

        Globals raw = new Globals();
        raw.load(new BaseLib());
        raw.load(new PackageLib());
        raw.load(new TableLib());
        raw.load(new StringLib());
        LuaC.install(raw);
        if (compiled) {
            LuaJC.install(raw);
        }
        raw.load(SOURCE, "main.lua").call();
        rawChat = raw.get("chat_filter");
        rawEmpty = raw.get("empty_handler");
        rawFib = raw.get("fib");
    }

    /** Plinth: a chat event through the bus to the Lua chat filter. */
    @Benchmark
    public PlayerChatEvent dispatchChat() {
        return chatBus.post(event);
    }

    /** Raw LuaJ: the same chat filter called directly with the event's Lua view. */
    @Benchmark
    public LuaValue rawChat() {
        return rawChat.call(chatHandler.luaView(event));
    }

    /** Plinth: a chat event through the bus to an empty Lua handler. */
    @Benchmark
    public PlayerChatEvent dispatchEmpty() {
        return emptyBus.post(event);
    }

    /** Raw LuaJ: the empty handler called directly. */
    @Benchmark
    public LuaValue rawEmpty() {
        return rawEmpty.call(chatHandler.luaView(event));
    }

    /** 100 {@code player:name()} calls from Lua. */
    @Benchmark
    public Varargs hostCalls() {
        return script.call(Budget.CALL, hostCalls, playerArgs);
    }

    /** 100 calls of a plain {@code OneArgFunction} from Lua, same state. */
    @Benchmark
    public Varargs rawFunctionCalls() {
        return script.call(Budget.CALL, rawCalls, playerAndName);
    }

    /** fib(20) in the metered Plinth state. */
    @Benchmark
    public Varargs fibPlinth() {
        return script.call(Budget.CALL, fib, LuaValue.valueOf(20));
    }

    /** fib(20) in stock LuaJ. */
    @Benchmark
    public LuaValue fibRawLuaJ() {
        return rawFib.call(LuaValue.valueOf(20));
    }
}
