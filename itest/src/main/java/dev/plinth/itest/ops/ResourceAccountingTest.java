package dev.plinth.itest.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.itest.resource.ResourceHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-resource accounting across languages, as {@code resource:top} and {@code /metrics} show it: test resources
 * whose handlers burn a known number of loop iterations (100, 1,000 and 10,000) are ranked by what they cost.
 * Only Lua runs here: the JavaScript and WebAssembly hosts are not in the build yet.
 */
class ResourceAccountingTest {

    /** Loop iterations per call: all of them within one tick stay under the per-tick budget (2,000,000). */
    private static final Map<String, Integer> BURNERS = Map.of("ac-light", 100, "ac-medium", 1_000,
            "ac-heavy", 10_000);
    private static final int EVENTS = 20;
    /** The column of {@code resource:top} with the work: resource, language, ms/tick, max ms, tick %, calls, work. */
    private static final int WORK_COLUMN = 6;
    private final ResourceHome home = new ResourceHome();
    private CommandSession shell;

    @BeforeEach
    void deploy() throws Exception {
        for (var burner : BURNERS.entrySet()) {
            home.folder(burner.getKey(), Map.of(
                    "plugin.toml", "[plugin]\nname = \"" + burner.getKey() + "\"\nversion = \"1.0.0\"\n"
                            + "main = \"main.lua\"\n",
                    "main.lua", """
                            mc.on("ac:burn", function(event)
                              local x = 0
                              for i = 1, %d do x = x + i end
                            end)
                            """.formatted(burner.getValue())));
        }
        for (String name : BURNERS.keySet()) {
            home.awaitListed(name);
            home.service.start(name);
        }
        shell = home.context.getService(home.context.getServiceReference(CommandProcessor.class))
                .createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void cleanUp() throws Exception {
        shell.close();
        home.close();
    }

    @Test
    void accountsRankResourcesByTheWorkTheirHandlersDo() throws Exception {
        EventBus bus = home.context.getService(home.context.getServiceReference(EventBus.class));
        Accounts accounts = home.context.getService(home.context.getServiceReference(Accounts.class));
        for (int i = 0; i < EVENTS; i++) {
            bus.post("ac:burn", Map.of());
        }
        ResourceHome.await(() -> BURNERS.keySet().stream()
                .allMatch(n -> accounts.snapshot(n).map(a -> a.calls() >= EVENTS).orElse(false))
                ? Optional.of(true) : Optional.empty(), "every burner's account has its calls");

        long light = work(accounts, "ac-light");
        long medium = work(accounts, "ac-medium");
        long heavy = work(accounts, "ac-heavy");
        assertTrue(light > 0 && medium > 5 * light && heavy > 5 * medium,
                "work grows with the loop: " + light + " < " + medium + " < " + heavy);
        assertEquals("lua", accounts.snapshot("ac-heavy").orElseThrow().language());

        Thread.sleep(200); // a few ticks: resource:top reads the accounts at the end of each tick
        String top = String.valueOf(shell.execute("resource:top"));
        List<String[]> rows = top.lines().map(l -> l.split("\\s+")).filter(r -> BURNERS.containsKey(r[0])).toList();
        assertEquals(BURNERS.keySet(), rows.stream().map(r -> r[0]).collect(Collectors.toSet()), top);
        Map<String, Long> workShown = rows.stream()
                .collect(Collectors.toMap(r -> r[0], r -> Long.parseLong(r[WORK_COLUMN])));
        assertTrue(workShown.get("ac-heavy") > workShown.get("ac-medium")
                && workShown.get("ac-medium") > workShown.get("ac-light"), "ranked by work:\n" + top);
        List<Double> msPerTick = rows.stream().map(r -> Double.parseDouble(r[2])).toList();
        assertEquals(msPerTick.stream().sorted(Comparator.reverseOrder()).toList(), msPerTick,
                "rows are sorted by ms per tick, slowest first:\n" + top);

        HttpPort http = HttpPort.bind(home, "");
        Scrape scrape = Scrape.parse(http.get("/metrics", null).body());
        double heavyWork = scrape.value("plinth_resource_work_total", Map.of("resource", "ac-heavy", "language", "lua"));
        double lightWork = scrape.value("plinth_resource_work_total", Map.of("resource", "ac-light", "language", "lua"));
        assertTrue(heavyWork > lightWork && lightWork > 0, heavyWork + " > " + lightWork);
        assertTrue(scrape.value("plinth_resource_calls_total", Map.of("resource", "ac-medium")) >= EVENTS);
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

    private static long work(Accounts accounts, String resource) {
        return accounts.snapshot(resource).map(AccountSnapshot::work).orElse(0L);
    }
}
