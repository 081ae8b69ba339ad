package dev.plinth.itest.reload;

import static dev.plinth.itest.resource.ResourceAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.permission.Permissions;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.itest.lua.LuaFolders;
import dev.plinth.itest.lua.RuntimeServices;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hot reload of Lua resources in a real framework: the new version receives the state the old one saved, runs
 * {@code mc.on_reload}, and gets a replayed {@code player_join} for each player online (and no other resource does);
 * players stay online; code that does not compile is refused before anything stops; a new version that fails is
 * rolled back with its state; a state over the limit refuses the reload; a dependent restarts with its own state and
 * hears of the reload; a reload refreshes the framework's wiring once, whether or not a resource depends on the
 * reloaded one; forms of the reloaded resource close while others stay open; the bus carries
 * {@code core:hotReload:*}; operators reload in game with {@code /reload}.
 */
class LuaHotReloadTest {

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private final EventLog events = new EventLog(home.context, "hr-count:joined", "hr-count:reloaded",
            "hr-other:joined", "hr-user:dependency", "hr-user:restored", "core:hotReload:start",
            "core:hotReload:complete", "core:hotReload:failed", "resource:stopped");
    private Simulation simulation;

    @BeforeEach
    void awaitTheServer() {
        simulation = runtime.await(Simulation.class);
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (String player : List.of("hr_alice", "hr_bob")) {
            if (simulation.players().stream().anyMatch(line -> line.startsWith(player))) {
                simulation.quit(player);
            }
        }
        events.close();
        home.settings("{}");
        home.close();
        runtime.close();
    }

    /** A counter of chat lines that hands its count over, says which version it is, and greets who joins. */
    static String counter(String version) {
        return """
                local count = 0
                local version = "%s"
                mc.on("player_chat", function(event) count = count + 1 end)
                mc.on("player_join", function(event)
                  mc.emit("hr-count:joined", {player = event.player:name(), replayed = event.replayed, version = version})
                end)
                mc.on_reload_save(function() return {count = count, version = version} end)
                mc.on_reload_restore(function(state) count = state.count end)
                mc.on_reload(function() mc.emit("hr-count:reloaded", {count = count, version = version}) end)
                mc.register_command("hr-count", {execute = function(player, args)
                  player:send_message(version .. " counted " .. count)
                end})
                """.formatted(version);
    }

    private void deployCounter() throws IOException {
        LuaFolders.deploy(home, "hr-count", counter("v1"));
        home.service.start("hr-count");
        simulation.join("hr_alice");
        for (int i = 0; i < 3; i++) {
            simulation.chat("hr_alice", "line " + i);
        }
    }

    /** Writes {@code hr-user}, a Lua resource that depends on {@code hr-base}, and waits until it is listed. */
    private void deployUser(String main) throws IOException {
        home.folder("hr-user", Map.of("plugin.toml", """
                [plugin]
                name = "hr-user"
                version = "1.0.0"
                main = "main.lua"
                [dependencies]
                hr-base = ">=1.0"
                """, "main.lua", main));
        home.awaitListed("hr-user");
    }

    private String lastMessage(String player) {
        List<String> inbox = simulation.inbox(player);
        return inbox.getLast();
    }

    @Test
    void theNewVersionGetsTheStateRunsOnReloadAndIsReplayedThePlayersOnline() throws IOException {
        LuaFolders.deploy(home, "hr-other", """
                mc.on("player_join", function(event)
                  mc.emit("hr-other:joined", {player = event.player:name(), replayed = event.replayed})
                end)
                """);
        home.service.start("hr-other");
        deployCounter();
        LuaFolders.rewrite(home, "hr-count", counter("v2"));

        LifecycleResult result = home.service.restart("hr-count");

        assertEquals("restarted hr-count 1.0.0 with its new content", result.message());
        events.await("core:hotReload:complete");
        assertEquals(List.of("hr-count:joined {player=hr_alice, replayed=false, version=v1}",
                "hr-count:reloaded {count=3, version=v2}",
                "hr-count:joined {player=hr_alice, replayed=true, version=v2}"),
                events.lines().stream().filter(l -> l.startsWith("hr-count:")).toList());
        assertEquals(List.of("hr-other:joined {player=hr_alice, replayed=false}"),
                events.lines().stream().filter(l -> l.startsWith("hr-other:")).toList(), "no replay for the others");
        assertTrue(simulation.players().stream().anyMatch(l -> l.startsWith("hr_alice")), "alice stayed online");
        simulation.chat("hr_alice", "one more");
        simulation.command("hr_alice", "hr-count");
        assertTrue(lastMessage("hr_alice").endsWith("v2 counted 4"), simulation.inbox("hr_alice").toString());
        assertTrue(events.lines().contains("core:hotReload:start {resourceName=hr-count}"), events.lines().toString());
        assertTrue(events.lines().stream().anyMatch(l -> l.matches(
                "core:hotReload:complete \\{ms=\\d+, resourceName=hr-count, swapMs=[\\d.]+, swapPhasesMs=\\{save=[\\d.]+, "
                        + "stop=[\\d.]+, update=[\\d.]+, start=[\\d.]+, handOver=[\\d.]+, dependents=[\\d.]+}, "
                        + "version=1\\.0\\.0}")), events.lines().toString());
    }

    @Test
    void aStopFollowedByAStartHandsNothingOver() throws IOException {
        deployCounter();

        home.service.stop("hr-count");
        home.service.start("hr-count");

        simulation.command("hr_alice", "hr-count");
        assertTrue(lastMessage("hr_alice").endsWith("v1 counted 0"), simulation.inbox("hr_alice").toString());
        assertFalse(events.lines().stream().anyMatch(l -> l.startsWith("hr-count:reloaded")), events.lines().toString());
    }

    @Test
    void codeThatDoesNotCompileIsRefusedAndThePreviousVersionKeepsServing() throws IOException {
        deployCounter();
        LuaFolders.rewrite(home, "hr-count", "local count = = 0\n" + counter("v2"));

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("hr-count"));

        assertEquals("ERR_RESTART_ROLLBACK_APPLIED: hr-count: the new content does not compile (hr-count: main.lua:1: "
                + "unexpected symbol near '='); the previous content (version 1.0.0) keeps running",
                refused.getMessage());
        events.await("core:hotReload:failed");
        assertTrue(events.lines().contains("core:hotReload:failed {error=hr-count: main.lua:1: unexpected symbol "
                + "near '=', resourceName=hr-count}"), events.lines().toString());
        assertFalse(events.lines().contains("resource:stopped {resourceName=hr-count}"), "it never stopped");
        simulation.chat("hr_alice", "still counted");
        simulation.command("hr_alice", "hr-count");
        assertTrue(lastMessage("hr_alice").endsWith("v1 counted 4"), simulation.inbox("hr_alice").toString());

        LuaFolders.rewrite(home, "hr-count", counter("v3"));
        home.service.restart("hr-count");
        simulation.command("hr_alice", "hr-count");
        assertTrue(lastMessage("hr_alice").endsWith("v3 counted 4"), "the next good save reloads, the state intact");
    }

    @Test
    void aNewVersionThatFailsAtStartIsRolledBackAndGetsItsStateBack() throws IOException {
        deployCounter();
        LuaFolders.rewrite(home, "hr-count", counter("v2") + "error(\"no map configured\")\n");

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("hr-count"));

        assertTrue(refused.getMessage().contains("main.lua:13: no map configured"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("the previous content (version 1.0.0) was put back and started again"),
                refused.getMessage());
        assertEquals(ResourceState.STARTED, home.service.info("hr-count").state());
        simulation.command("hr_alice", "hr-count");
        assertTrue(lastMessage("hr_alice").endsWith("v1 counted 3"), simulation.inbox("hr_alice").toString());
        assertTrue(events.lines().stream().anyMatch(l -> l.startsWith("core:hotReload:failed {error=hr-count: main.lua:13:")),
                events.lines().toString());
    }

    @Test
    void aStateOverTheLimitRefusesTheReloadBeforeAnythingStops() throws IOException {
        home.settings("{\"HotReloadMaxStateKb\": 1}");
        LuaFolders.deploy(home, "hr-count", """
                mc.on_reload_save(function() return {blob = string.rep("x", 4000)} end)
                mc.register_command("hr-count", {execute = function(player) player:send_message("v1") end})
                """);
        home.service.start("hr-count");
        LuaFolders.rewrite(home, "hr-count", "mc.on_reload_save(function() return nil end)\n");

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("hr-count"));

        assertTrue(refused.getMessage().contains("the state of hr-count could not be saved (hr-count: its reload state "
                + "is larger than the limit of 1024 bytes"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("nothing was stopped, the previous version keeps running"),
                refused.getMessage());
        assertFalse(events.lines().contains("resource:stopped {resourceName=hr-count}"), "it never stopped");
        simulation.join("hr_bob");
        simulation.command("hr_bob", "hr-count");
        assertTrue(lastMessage("hr_bob").endsWith("v1"), simulation.inbox("hr_bob").toString());
    }

    @Test
    void aDependentRestartsWithItsOwnStateAndHearsOfTheReload() throws IOException {
        LuaFolders.deploy(home, "hr-base", "mc.export(\"answer\", function() return 41 end)\n");
        deployUser("""
                local seen = 0
                mc.on("player_chat", function(event) seen = seen + 1 end)
                mc.on_reload_save(function() return {seen = seen} end)
                mc.on_reload_restore(function(state)
                  seen = state.seen
                  mc.emit("hr-user:restored", {seen = seen})
                end)
                mc.on_dependency_reload(function(name)
                  mc.emit("hr-user:dependency", {name = name, answer = mc.import("hr-base", "answer")()})
                end)
                """);
        home.service.start("hr-user");
        simulation.join("hr_alice");
        simulation.chat("hr_alice", "hello");
        LuaFolders.rewrite(home, "hr-base", "mc.export(\"answer\", function() return 42 end)\n");

        LifecycleResult result = home.service.restart("hr-base");

        assertEquals(List.of("hr-user", "hr-base"), result.stopped());
        assertEquals(List.of("hr-base", "hr-user"), result.started());
        assertEquals("restarted hr-base 1.0.0 with its new content (and its dependents: hr-user)", result.message());
        assertEquals(List.of("hr-user:restored {seen=1}", "hr-user:dependency {answer=42, name=hr-base}"),
                events.lines().stream().filter(l -> l.startsWith("hr-user:")).toList());
    }

    @Test
    void aReloadRefreshesTheFrameworkOnceWhetherOrNotAResourceDependsOnIt() throws Exception {
        LuaFolders.deploy(home, "hr-lone", "mc.on(\"player_chat\", function(event) end)\n");
        home.service.start("hr-lone");
        LuaFolders.rewrite(home, "hr-lone", "mc.on(\"player_chat\", function(event) end)\n-- v2\n");
        try (var refreshes = new FrameworkRefreshes(home.context)) {
            home.service.restart("hr-lone");
            assertEquals(1, refreshes.count(), "nothing is wired to it: the framework's own refresh in the update");
        }
        LuaFolders.deploy(home, "hr-base", "mc.export(\"answer\", function() return 41 end)\n");
        deployUser("mc.on_dependency_reload(function(name) end)\n");
        home.service.start("hr-user");
        LuaFolders.rewrite(home, "hr-base", "mc.export(\"answer\", function() return 42 end)\n");
        try (var refreshes = new FrameworkRefreshes(home.context)) {
            LifecycleResult result = home.service.restart("hr-base");
            assertEquals(1, refreshes.count(), "hr-user is wired to the old revision: one refresh takes it along");
            assertEquals(List.of("hr-base", "hr-user"), result.started());
        }
    }

    @Test
    void theFormsOfTheReloadedResourceCloseAndTheOthersStayOpen() throws IOException {
        String form = """
                mc.register_command("%s", {execute = function(player)
                  mc.form.modal("%s", "keep going?", "yes", "no"):send(player, function(answer) end)
                end})
                """;
        LuaFolders.deploy(home, "hr-count", form.formatted("hr-ask", "from hr-count"));
        LuaFolders.deploy(home, "hr-other", form.formatted("hr-other-ask", "from hr-other"));
        home.service.start("hr-count");
        home.service.start("hr-other");
        simulation.join("hr_alice");
        simulation.command("hr_alice", "hr-ask");
        simulation.command("hr_alice", "hr-other-ask");
        LuaFolders.rewrite(home, "hr-count", form.formatted("hr-ask", "from hr-count, again"));

        home.service.restart("hr-count");

        List<String> forms = simulation.inbox("hr_alice").stream().filter(l -> l.contains(" form ")).toList();
        assertEquals(2, forms.size(), forms.toString());
        assertTrue(forms.get(0).contains("from hr-count") && forms.get(0).endsWith("[Closed[]]"), forms.toString());
        assertTrue(forms.get(1).contains("from hr-other") && forms.get(1).endsWith("[open]"), forms.toString());
    }

    @Test
    void operatorsReloadInGameAndReadHowItWent() throws IOException {
        deployCounter();
        runtime.await(Permissions.class).op("hr_alice");
        simulation.join("hr_bob");
        LuaFolders.rewrite(home, "hr-count", counter("v2"));

        simulation.command("hr_alice", "reload hr-count");

        events.await("core:hotReload:complete");
        String done = ResourceHome.await(() -> simulation.inbox("hr_alice").stream()
                .filter(l -> l.contains("§a[reload] hr-count 1.0.0 in ")).findFirst(), "alice reads the reload");
        assertTrue(done.matches(".*§a\\[reload] hr-count 1\\.0\\.0 in \\d+ ms"), done);
        assertTrue(simulation.inbox("hr_alice").stream().anyMatch(l -> l.endsWith("§7[reload] reloading hr-count...")),
                simulation.inbox("hr_alice").toString());
        assertTrue(simulation.inbox("hr_bob").stream().noneMatch(l -> l.contains("[reload]")), "bob is no operator");
        assertFalse(simulation.command("hr_bob", "reload hr-count").contains("reloading"), "bob may not reload");

        simulation.command("hr_alice", "reload");
        assertTrue(simulation.inbox("hr_alice").getLast().endsWith("Usage: /reload <name>"),
                simulation.inbox("hr_alice").toString());

        LuaFolders.rewrite(home, "hr-count", "local x = = 1\n");
        simulation.command("hr_alice", "reload hr-count");
        String failed = ResourceHome.await(() -> simulation.inbox("hr_alice").stream()
                .filter(l -> l.contains("§c[reload]")).findFirst(), "alice reads the failure");
        assertTrue(failed.endsWith("§c[reload] hr-count: main.lua:1: unexpected symbol near '=' — still running the "
                + "previous version"), failed);
    }
}
