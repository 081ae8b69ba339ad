package dev.plinth.itest.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.itest.lua.RuntimeServices;
import dev.plinth.itest.resource.ResourceHome;
import dev.plinth.itest.wasm.WasmFolders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-resource accounting across languages, as {@code resource:top} and {@code /metrics} show it: a chat handler in
 * each language (Lua, JavaScript, WebAssembly) loops a known number of times (100, 1,000 or 10,000 iterations), so
 * it burns a known number of instructions in its host's units (Lua instructions, JavaScript statements, WebAssembly
 * fuel); the accounts charge each resource what its loop costs and rank the resources of each language by it.
 */
class ResourceAccountingTest {

    /** Chat lines: each one calls every burner's handler once. */
    private static final int CHATS = 20;
    /** The column of {@code resource:top} with the work: resource, language, ms/tick, max ms, tick %, calls, work. */
    private static final int WORK_COLUMN = 6;
    private static final String PLAYER = "ac_alice";

    private static final List<Burner> BURNERS = List.of(
            new Burner("ac-lua-light", Language.LUA, 100), new Burner("ac-lua-medium", Language.LUA, 1_000),
            new Burner("ac-lua-heavy", Language.LUA, 10_000),
            new Burner("ac-js-light", Language.JS, 100), new Burner("ac-js-medium", Language.JS, 1_000),
            new Burner("ac-js-heavy", Language.JS, 10_000),
            new Burner("ac-wasm-light", Language.WASM, 100), new Burner("ac-wasm-medium", Language.WASM, 1_000),
            new Burner("ac-wasm-heavy", Language.WASM, 10_000));

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private Simulation simulation;
    private CommandSession shell;

    /**
     * The languages, with what one loop iteration of their burner costs in their host's units, and the burner's
     * source.
     *
     * @param id the account's language
     * @param main the burner's file
     * @param perIteration the least work one iteration costs (the instructions of the loop's body and test)
     * @param perIterationMax the most work one iteration may cost (compiled code charges loop back-edges in units)
     */
    private enum Language {
        LUA("lua", "main.lua", 2, 4) {
            @Override
            String source(int iterations) {
                return """
                        mc.on("player_chat", function(event)
                          local x = 0
                          for i = 1, %d do x = x + i end
                        end)
                        """.formatted(iterations);
            }
        },
        JS("js", "main.js", 1, 3) {
            @Override
            String source(int iterations) {
                return """
                        mc.on("player_chat", () => {
                          let x = 0;
                          for (let i = 0; i < %d; i++) { x += i; }
                        });
                        """.formatted(iterations);
            }
        },
        WASM("wasm", "main.wat", 8, 8) {
            @Override
            String source(int iterations) {
                return WasmFolders.burner(1, iterations);
            }
        };

        final String id;
        final String main;
        final int perIteration;
        final int perIterationMax;

        Language(String id, String main, int perIteration, int perIterationMax) {
            this.id = id;
            this.main = main;
            this.perIteration = perIteration;
            this.perIterationMax = perIterationMax;
        }

        abstract String source(int iterations);
    }

    /**
     * One test resource.
     *
     * @param name its name
     * @param language its language
     * @param iterations the loop iterations of one call of its chat handler
     */
    private record Burner(String name, Language language, int iterations) {}

    @BeforeEach
    void deploy() throws Exception {
        simulation = runtime.await(Simulation.class);
        for (Burner burner : BURNERS) {
            home.folder(burner.name(), Map.of(
                    "plugin.toml", "[plugin]\nname = \"" + burner.name() + "\"\nversion = \"1.0.0\"\nmain = \""
                            + burner.language().main + "\"\n",
                    burner.language().main, burner.language().source(burner.iterations())));
        }
        for (Burner burner : BURNERS) {
            home.awaitListed(burner.name());
            home.service.start(burner.name());
        }
        shell = home.context.getService(home.context.getServiceReference(CommandProcessor.class))
                .createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (simulation.players().stream().anyMatch(line -> line.startsWith(PLAYER))) {
            simulation.quit(PLAYER);
        }
        shell.close();
        home.close();
        runtime.close();
    }

    @Test
    void accountsChargeEachLanguagesHandlersTheWorkTheyDoAndRankThem() throws Exception {
        Accounts accounts = home.context.getService(home.context.getServiceReference(Accounts.class));
        simulation.join(PLAYER);
        for (int i = 0; i < CHATS; i++) {
            simulation.chat(PLAYER, "burn " + i);
        }
        ResourceHome.await(() -> BURNERS.stream()
                .allMatch(b -> accounts.snapshot(b.name()).map(a -> a.calls() >= CHATS).orElse(false))
                ? Optional.of(true) : Optional.empty(), "every burner's account has its calls");

        Map<String, AccountSnapshot> snapshots = BURNERS.stream()
                .collect(Collectors.toMap(Burner::name, b -> accounts.snapshot(b.name()).orElseThrow()));
        for (Burner burner : BURNERS) {
            AccountSnapshot account = snapshots.get(burner.name());
            assertEquals(burner.language().id, account.language(), burner.name());
            assertEquals(0, account.offences(), burner.name() + " kept to its limits: " + account);
            // Its chats' loops, at least; at most every call's loop (the start is a call too) and 20 iterations' worth
            // a call for the handler's entry and return.
            long loops = (long) burner.iterations() * CHATS;
            assertTrue(account.work() >= loops * burner.language().perIteration
                            && account.work() <= (burner.iterations() + 20L) * account.calls() * burner.language().perIterationMax,
                    burner.name() + " burnt " + account.work() + " units in " + account.calls() + " calls of "
                            + burner.iterations() + " iterations, " + burner.language().perIteration + " to "
                            + burner.language().perIterationMax + " a iteration");
        }
        for (Language language : Language.values()) {
            List<String> byWork = BURNERS.stream().filter(b -> b.language() == language)
                    .sorted(Comparator.comparingLong((Burner b) -> perCall(snapshots.get(b.name()))))
                    .map(Burner::name).toList();
            assertEquals(BURNERS.stream().filter(b -> b.language() == language)
                    .sorted(Comparator.comparingInt(Burner::iterations)).map(Burner::name).toList(), byWork,
                    language + ": ranked by the work of a call");
        }

        Thread.sleep(200); // a few ticks: resource:top reads the accounts at the end of each tick
        String top = String.valueOf(shell.execute("resource:top"));
        Map<String, String[]> rows = top.lines().map(l -> l.split("\\s+"))
                .filter(r -> snapshots.containsKey(r[0])).collect(Collectors.toMap(r -> r[0], Function.identity()));
        assertEquals(snapshots.keySet(), rows.keySet(), top);
        for (Burner burner : BURNERS) {
            String[] row = rows.get(burner.name());
            assertEquals(burner.language().id, row[1], top);
            assertTrue(Long.parseLong(row[WORK_COLUMN]) >= snapshots.get(burner.name()).work(), top);
        }
        List<Double> msPerTick = top.lines().map(l -> l.split("\\s+")).filter(r -> snapshots.containsKey(r[0]))
                .map(r -> Double.parseDouble(r[2])).toList();
        assertEquals(msPerTick.stream().sorted(Comparator.reverseOrder()).toList(), msPerTick,
                "rows are sorted by ms per tick, slowest first:\n" + top);

        HttpPort http = HttpPort.bind(home, "");
        Scrape scrape = Scrape.parse(http.get("/metrics", null).body());
        for (Burner burner : BURNERS) {
            Map<String, String> labels = Map.of("resource", burner.name(), "language", burner.language().id);
            assertTrue(scrape.value("plinth_resource_work_total", labels) >= snapshots.get(burner.name()).work(),
                    burner.name());
            assertTrue(scrape.value("plinth_resource_calls_total", Map.of("resource", burner.name())) >= CHATS,
                    burner.name());
        }
    }

    @Test
    void watchingRefreshesForTheGivenSecondsAndBadSpansAreRefused() throws Exception {
        var out = new ByteArrayOutputStream();
        try (CommandSession watching = home.context.getService(home.context.getServiceReference(
                CommandProcessor.class)).createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()))) {
            watching.execute("resource:top -w -n 2");
        }
        long tables = out.toString().lines().filter(l -> l.contains("language") && l.contains("offences")).count();
        assertEquals(2, tables, "one table a second:\n" + out);
        for (String bad : List.of("resource:top -n 5", "resource:top -w -n -1", "resource:top -w -n 99999")) {
            var refused = assertThrows(IllegalArgumentException.class, () -> shell.execute(bad), bad);
            assertTrue(refused.getMessage().startsWith("usage: resource:top"), refused.getMessage());
        }
    }

    private static long perCall(AccountSnapshot account) {
        return account.work() / Math.max(1, account.calls());
    }
}
