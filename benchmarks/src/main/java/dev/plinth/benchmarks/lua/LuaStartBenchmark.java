package dev.plinth.benchmarks.lua;

import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.LuaSource;
import dev.plinth.lang.lua.internal.engine.PreparedChunks;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import dev.plinth.lang.lua.internal.reload.CompiledChunks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
 * A Lua resource's start as the game thread makes it in a reload's swap, for a resource of a realistic size: a
 * generated script of {@value #LINES} lines or so over a main file and {@value #MODULES} modules it {@code require}s,
 * compiled with LuaJC beforehand (as a reload's preparation does). {@code luaStartPrepared} finds each file's class by
 * its source and parses nothing; {@code luaStartParsed} is the start without the prepared chunks, which parses each
 * file and digests the parsed chunk to find the same class (the start before prepared contents were recognized
 * unparsed). Each operation builds the state, runs main.lua (its requires included) and closes it.
 * {@link LuaStartRatio} prints prepared / parsed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class LuaStartBenchmark {

    /** About how many lines the resource has. */
    static final int LINES = 3_000;
    /** How many modules main.lua requires. */
    static final int MODULES = 5;
    private static final int FUNCTIONS_PER_MODULE = 48;
    private static final int CONFIG_ENTRIES = 90;

    private final AccountBook accounts = new AccountBook();
    private WatchdogService watchdog;
    private Limits limits;
    private ScriptFiles files;
    private ChunkCompiler compiler;
    private CompiledChunks chunks;

    /** Generates the resource and compiles its files beforehand, as a reload's preparation does. */
    @Setup(Level.Trial)
    public void setUp() {
        Duration hour = Duration.ofHours(1);
        limits = new Limits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, Long.MAX_VALUE / 4, 200, 16,
                SandboxLimits.DEFAULTS.withMaxCallAllocBytes(1L << 40).withTimeouts(hour, hour, hour));
        watchdog = new WatchdogService(message -> { });
        watchdog.start();
        Map<String, String> resource = resource();
        files = ScriptFiles.of(resource);
        chunks = new CompiledChunks(new LuaJcCompiler(), UnaryOperator.identity());
        compiler = chunks.orElse(ChunkCompiler.INTERPRETER, (name, file, cause) -> {
            throw new IllegalStateException(file + " does not compile with LuaJC: " + cause, cause);
        });
        resource.forEach((file, text) -> {
            var source = new LuaSource(file, text.getBytes(StandardCharsets.UTF_8));
            chunks.keep("bench", source, source.parse());
        });
    }

    /** Stops the watchdog thread. */
    @TearDown(Level.Trial)
    public void tearDown() {
        watchdog.stop();
    }

    /** A start that finds every file compiled by its source: nothing parsed. */
    @Benchmark
    public boolean luaStartPrepared() {
        return start(chunks);
    }

    /** A start that parses every file and finds its class by the parsed chunk. */
    @Benchmark
    public boolean luaStartParsed() {
        return start(PreparedChunks.NONE);
    }

    private boolean start(PreparedChunks prepared) {
        var account = accounts.open("bench", "lua", limits.instructionsPerTick());
        LuaScript script = LuaScript.builder("bench", files)
                .withCompiler(compiler)
                .withPrepared(prepared)
                .withLimits(limits)
                .withWatchdog(watchdog)
                .withAccount(account)
                .build();
        try {
            return script.run("main.lua").arg1().toboolean();
        } finally {
            script.close();
            account.close();
        }
    }

    /** The generated resource: main.lua (a configuration table, the requires) and its modules. */
    static Map<String, String> resource() {
        var files = new LinkedHashMap<String, String>();
        var main = new StringBuilder("-- generated: a resource's main script\nlocal config = {}\n");
        for (int i = 1; i <= CONFIG_ENTRIES; i++) {
            main.append("config.item_").append(i).append(" = { name = \"item ").append(i).append("\", price = ")
                    .append(i * 3).append(", tags = { \"shop\", \"tier").append(i % 4).append("\" } }\n");
        }
        for (int m = 1; m <= MODULES; m++) {
            main.append("local m").append(m).append(" = require('lib.module").append(m).append("')\n");
            files.put("lib/module" + m + ".lua", module(m));
        }
        main.append("return m1.f1('steve', 3) ~= nil and config.item_1.price == 3\n");
        files.put("main.lua", main.toString());
        return files;
    }

    /** One module: functions of a dozen lines each, with loops, branches, string and table work. */
    private static String module(int m) {
        var out = new StringBuilder("-- generated: module " + m + "\nlocal M = {}\nlocal counters = {}\n");
        for (int f = 1; f <= FUNCTIONS_PER_MODULE; f++) {
            out.append("function M.f").append(f).append("(player, amount)\n")
                    .append("  local total = 0\n")
                    .append("  for i = 1, amount do\n")
                    .append("    total = total + i * ").append(f).append("\n")
                    .append("  end\n")
                    .append("  if total > ").append(100 + m * f).append(" then\n")
                    .append("    counters[player] = (counters[player] or 0) + 1\n")
                    .append("  else\n")
                    .append("    counters[player] = string.format(\"%s:%d\", player, total)\n")
                    .append("  end\n")
                    .append("  return total, counters[player]\n")
                    .append("end\n");
        }
        return out.append("return M\n").toString();
    }
}
