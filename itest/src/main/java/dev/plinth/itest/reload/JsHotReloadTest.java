package dev.plinth.itest.reload;

import static dev.plinth.itest.resource.ResourceAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.simulation.Simulation;
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
 * Hot reload of JavaScript and TypeScript resources in a real framework: the module's {@code onSaveState()} reaches
 * the new version's {@code onRestoreState(state)} as plain JSON values, Staminal's {@code onDetach} / {@code onAttach}
 * run around them in that order, then {@code onReload()} and a replayed {@code player_join}; a dependent restarted
 * with it gets its own state and {@code onDependencyReload(name)}; TypeScript that does not compile is refused before
 * anything stops, naming the {@code .ts} file and line, and a TypeScript version that throws while starting is rolled
 * back with its state, the error at its {@code .ts} line.
 */
class JsHotReloadTest {

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private final EventLog events = new EventLog(home.context, "hj-count:hook", "hj-count:joined", "hj-user:hook",
            "hj-ts:hook", "core:hotReload:complete", "core:hotReload:failed", "resource:stopped");
    private Simulation simulation;

    @BeforeEach
    void awaitTheServer() {
        simulation = runtime.await(Simulation.class);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (simulation.players().stream().anyMatch(line -> line.startsWith("hj_alice"))) {
            simulation.quit("hj_alice");
        }
        events.close();
        home.close();
        runtime.close();
    }

    /** A chat counter that hands its count over and reports each of its hooks. */
    static String counter(String version) {
        return """
                let count = 0;
                const version = "%s";
                const hook = (name, extra = {}) => mc.emit("hj-count:hook", { hook: name, version, ...extra });
                mc.on("player_chat", () => { count++; });
                mc.on("player_join", (event) => mc.emit("hj-count:joined",
                    { player: event.player.name(), replayed: event.replayed, version }));
                mc.register_command("hj-count", { execute: (player) => player.send_message(version + " counted " + count) });
                export function onAttach() { hook("onAttach"); }
                export function onDetach() { hook("onDetach"); }
                export function onSaveState() { hook("onSaveState"); return { count, version, seen: ["a", 1, true, null] }; }
                export async function onRestoreState(state) {
                  await Promise.resolve();
                  count = state.count;
                  hook("onRestoreState", { count: state.count, from: state.version, seen: JSON.stringify(state.seen) });
                }
                export function onReload() { hook("onReload", { count }); }
                """.formatted(version);
    }

    private void deploy(String name, String main, String source, String manifestTail) throws IOException {
        home.folder(name, Map.of("plugin.toml", "[plugin]\nname = \"" + name + "\"\nversion = \"1.0.0\"\nmain = \""
                + main + "\"\n" + manifestTail, main, source));
        home.awaitListed(name);
    }

    private List<String> lines(String prefix) {
        return events.lines().stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void theStateCrossesWithDetachAndAttachAroundItThenOnReloadAndTheReplay() throws IOException {
        deploy("hj-count", "main.js", counter("v1"), "");
        home.service.start("hj-count");
        simulation.join("hj_alice");
        for (int i = 0; i < 3; i++) {
            simulation.chat("hj_alice", "line " + i);
        }
        home.folder("hj-count", Map.of("main.js", counter("v2")));

        LifecycleResult result = home.service.restart("hj-count");

        assertEquals("restarted hj-count 1.0.0 with its new content", result.message());
        events.await("core:hotReload:complete");
        assertEquals(List.of("hj-count:hook {hook=onAttach, version=v1}",
                "hj-count:joined {player=hj_alice, replayed=false, version=v1}",
                "hj-count:hook {hook=onSaveState, version=v1}",
                "hj-count:hook {hook=onDetach, version=v1}",
                "hj-count:hook {hook=onAttach, version=v2}",
                "hj-count:hook {count=3, from=v1, hook=onRestoreState, seen=[\"a\",1,true,null], version=v2}",
                "hj-count:hook {count=3, hook=onReload, version=v2}",
                "hj-count:joined {player=hj_alice, replayed=true, version=v2}"), lines("hj-count:"));
        simulation.chat("hj_alice", "one more");
        simulation.command("hj_alice", "hj-count");
        assertTrue(simulation.inbox("hj_alice").getLast().endsWith("v2 counted 4"), simulation.inbox("hj_alice").toString());
    }

    @Test
    void aStopFollowedByAStartRunsDetachAndAttachOnly() throws IOException {
        deploy("hj-count", "main.js", counter("v1"), "");
        home.service.start("hj-count");

        home.service.stop("hj-count");
        home.service.start("hj-count");

        assertEquals(List.of("hj-count:hook {hook=onAttach, version=v1}", "hj-count:hook {hook=onDetach, version=v1}",
                "hj-count:hook {hook=onAttach, version=v1}"), lines("hj-count:hook"));
    }

    @Test
    void aStateThatIsNotJsonRefusesTheReloadBeforeAnythingStops() throws IOException {
        deploy("hj-count", "main.js", "export function onSaveState() { return { handler: () => 1 }; }\n", "");
        home.service.start("hj-count");

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("hj-count"));

        assertTrue(refused.getMessage().contains("the state of hj-count could not be saved (hj-count: the state "
                + "onSaveState returned must be JSON-like"), refused.getMessage());
        assertFalse(events.lines().contains("resource:stopped {resourceName=hj-count}"), "it never stopped");
        assertEquals(ResourceState.STARTED, home.service.info("hj-count").state());
    }

    @Test
    void aDependentRestartsWithItsOwnStateAndHearsOfTheReload() throws IOException {
        deploy("hj-base", "main.js", "export function answer() { return 41; }\n", "");
        deploy("hj-user", "main.js", """
                import { answer } from '@hj-base';
                let seen = 0;
                mc.on("player_chat", () => { seen++; });
                export function onSaveState() { return { seen }; }
                export function onRestoreState(state) { seen = state.seen;
                  mc.emit("hj-user:hook", { hook: "onRestoreState", seen }); }
                export function onDependencyReload(name) {
                  mc.emit("hj-user:hook", { hook: "onDependencyReload", name, answer: answer() }); }
                export function onReload() { mc.emit("hj-user:hook", { hook: "onReload" }); }
                """, "[dependencies]\nhj-base = \">=1.0\"\n");
        home.service.start("hj-user");
        simulation.join("hj_alice");
        simulation.chat("hj_alice", "hello");
        home.folder("hj-base", Map.of("main.js", "export function answer() { return 42; }\n"));

        LifecycleResult result = home.service.restart("hj-base");

        assertEquals(List.of("hj-base", "hj-user"), result.started());
        assertEquals(List.of("hj-user:hook {hook=onRestoreState, seen=1}",
                "hj-user:hook {answer=42, hook=onDependencyReload, name=hj-base}"), lines("hj-user:"));
    }

    /** A TypeScript counter: types, an interface for its state, the same hooks. */
    static String typescript(String version, String extra) {
        return """
                interface State { count: number; version: string }
                let count: number = 0;
                const version: string = "%s";
                mc.on("player_chat", (): void => { count++; });
                mc.register_command("hj-ts", { execute: (player: any) => player.send_message(`${version} counted ${count}`) });
                export function onSaveState(): State { return { count, version }; }
                export function onRestoreState(state: State): void {
                  count = state.count;
                  mc.emit("hj-ts:hook", { hook: "onRestoreState", count, from: state.version, version });
                }
                %s
                """.formatted(version, extra);
    }

    @Test
    void typeScriptReloadsWithItsStateAndItsErrorsNameTheTsLine() throws IOException {
        deploy("hj-ts", "main.ts", typescript("v1", ""), "");
        home.service.start("hj-ts");
        simulation.join("hj_alice");
        simulation.chat("hj_alice", "one");
        simulation.chat("hj_alice", "two");

        home.folder("hj-ts", Map.of("main.ts", typescript("v2", "")));
        home.service.restart("hj-ts");
        assertEquals(List.of("hj-ts:hook {count=2, from=v1, hook=onRestoreState, version=v2}"), lines("hj-ts:"));

        home.folder("hj-ts", Map.of("main.ts", typescript("v3", "const broken: number = ;")));
        long stops = lines("resource:stopped {resourceName=hj-ts}").size();
        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("hj-ts"));
        assertTrue(refused.getMessage().contains("hj-ts: main.ts:11: SyntaxError: Expression expected. (TS1109)"),
                refused.getMessage());
        assertEquals(stops, lines("resource:stopped {resourceName=hj-ts}").size(), "it never stopped");

        home.folder("hj-ts", Map.of("main.ts", typescript("v4", """
                type Config = { map?: string };
                const config: Config = {};
                if (!config.map) {
                  throw new Error("no map configured");
                }""")));
        var rolledBack = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED,
                () -> home.service.restart("hj-ts"));
        assertTrue(rolledBack.getMessage().contains("main.ts:14: Error: no map configured"), rolledBack.getMessage());
        assertTrue(rolledBack.getMessage().endsWith("was put back and started again"), rolledBack.getMessage());
        simulation.command("hj_alice", "hj-ts");
        assertTrue(simulation.inbox("hj_alice").getLast().endsWith("v2 counted 2"), simulation.inbox("hj_alice").toString());
    }
}
