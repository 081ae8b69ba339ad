package dev.plinth.itest.resource;

import static dev.plinth.itest.resource.ResourceAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceState;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * What the resource manager makes of the {@code HostFailure} services of a language host, whatever the language:
 * a start the host undoes fails with the host's message, a restart whose new content the host fails rolls back,
 * and a resource the host stops later is in error with its message. The host here is a stand-in that follows the
 * contract; the Lua tests do the same with the real Lua host. The resources that need one the host stops are stopped
 * first.
 */
class HostFailureTest {

    private static final String RESOURCE_TOML = "type = \"asset-pack\"\nversion = \"1.0.0\"\n";

    private final ResourceHome home = new ResourceHome();
    private final StandInHost host = new StandInHost(home.context);
    private final EventLog events = new EventLog(home.context, "resource:started", "resource:stopped",
            "resource:start_error");

    @BeforeEach
    void openHost() {
        host.open();
    }

    @AfterEach
    void cleanUp() throws IOException {
        events.close();
        home.close();
        host.close();
    }

    @Test
    void aStartTheHostUndoesFailsWithTheHostsMessageAndLeavesTheResourceInError() throws IOException {
        home.folder("hf-broken", Map.of("resource.toml", RESOURCE_TOML,
                StandInHost.SCRIPT, "fail:hf-broken: main.lua:3: attempt to call a nil value (global 'oops')"));
        home.awaitListed("hf-broken");

        var failed = assertCode(ResourceErrorCode.ERR_SCRIPT_EXECUTION, () -> home.service.start("hf-broken"));

        String message = "ERR_SCRIPT_EXECUTION: hf-broken: main.lua:3: attempt to call a nil value (global 'oops')";
        assertEquals(message, failed.getMessage());
        assertEquals(ResourceState.ERROR, home.service.info("hf-broken").state());
        assertEquals(Optional.of(message), home.service.info("hf-broken").lastError());
        assertTrue(home.service.diagnose("hf-broken").contains("its last failure: " + message),
                home.service.diagnose("hf-broken").toString());
        assertEquals("resource:start_error {error=" + message + ", resourceName=hf-broken}",
                events.await("resource:start_error"));
        assertEquals(1, events.lines().stream().filter(line -> line.contains("resourceName=hf-broken")).count(),
                "neither resource:started nor resource:stopped: " + events.lines());
    }

    @Test
    void aSecondStartThatFailsTheSameWayKeepsTheFileAndLine() throws IOException {
        home.folder("hf-twice", Map.of("resource.toml", RESOURCE_TOML,
                StandInHost.SCRIPT, "fail:hf-twice: main.lua:3: attempt to call a nil value (global 'oops')"));
        home.awaitListed("hf-twice");
        String message = "ERR_SCRIPT_EXECUTION: hf-twice: main.lua:3: attempt to call a nil value (global 'oops')";

        for (int attempt = 1; attempt <= 3; attempt++) {
            var failed = assertCode(ResourceErrorCode.ERR_SCRIPT_EXECUTION, () -> home.service.start("hf-twice"));

            assertEquals(message, failed.getMessage(), "attempt " + attempt);
            assertEquals(Optional.of(message), home.service.info("hf-twice").lastError(), "attempt " + attempt);
        }
    }

    @Test
    void aRestartWhoseNewContentTheHostFailsRollsBack() throws IOException {
        home.folder("hf-reload", Map.of("resource.toml", RESOURCE_TOML, StandInHost.SCRIPT, "run"));
        home.awaitListed("hf-reload");
        home.service.start("hf-reload");
        home.folder("hf-reload", Map.of("resource.toml", RESOURCE_TOML.replace("1.0.0", "2.0.0"),
                StandInHost.SCRIPT, "fail:hf-reload: main.lua:1: the new content is broken"));

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("hf-reload"));

        assertEquals("ERR_RESTART_ROLLBACK_APPLIED: hf-reload: the new content failed to start (ERR_SCRIPT_EXECUTION: "
                + "hf-reload: main.lua:1: the new content is broken); the previous content (version 1.0.0) was put back "
                + "and started again", refused.getMessage());
        assertEquals(ResourceState.STARTED, home.service.info("hf-reload").state());
        assertEquals("1.0.0", home.service.info("hf-reload").version().toString());
        assertEquals(Bundle.ACTIVE, home.bundle("hf-reload").getState());
    }

    @Test
    void theResourcesThatNeedAResourceItsHostStopsAreStoppedFirst() throws Exception {
        home.folder("hf-base", Map.of("resource.toml", RESOURCE_TOML, StandInHost.SCRIPT, "run"));
        home.folder("hf-user", Map.of("resource.toml", RESOURCE_TOML + "deps = [\"hf-base\"]\n"));
        home.folder("hf-top", Map.of("resource.toml", RESOURCE_TOML + "deps = [\"hf-user\"]\n"));
        home.folder("hf-idle", Map.of("resource.toml", RESOURCE_TOML + "deps = [\"hf-base\"]\n"));
        List.of("hf-base", "hf-user", "hf-top", "hf-idle").forEach(home::awaitListed);
        home.service.start("hf-top");

        host.failLater(home.bundle("hf-base"), "hf-base stopped for breaking its limits: hf-base: main.lua:2: "
                + "instruction budget per call exceeded");

        String message = "ERR_SCRIPT_EXECUTION: hf-base stopped for breaking its limits: hf-base: main.lua:2: "
                + "instruction budget per call exceeded";
        assertEquals(Optional.of(message), home.awaitState("hf-base", ResourceState.ERROR).lastError());
        assertEquals(ResourceState.STOPPED, home.service.info("hf-top").state());
        assertEquals(ResourceState.STOPPED, home.service.info("hf-user").state());
        assertEquals(ResourceState.LOADED, home.service.info("hf-idle").state(), "a dependent never started stays so");
        events.await("resource:stopped {error=");
        assertEquals(List.of("resource:stopped {resourceName=hf-top}", "resource:stopped {resourceName=hf-user}",
                "resource:stopped {error=" + message + ", resourceName=hf-base}"),
                events.lines().stream().filter(line -> line.startsWith("resource:stopped")).toList(),
                "the dependents first, then the failed resource");
    }

    @Test
    void listAndInfoAgreeThatAResourceItsHostFailedIsInErrorBeforeItsBundleStops() throws Exception {
        home.folder("hf-agree", Map.of("resource.toml", RESOURCE_TOML, StandInHost.SCRIPT, "run"));
        home.awaitListed("hf-agree");
        home.service.start("hf-agree");
        var seen = new java.util.concurrent.CopyOnWriteArrayList<String>();

        host.failLater(home.bundle("hf-agree"), "hf-agree stopped for breaking its limits", () -> {
            seen.add("bundle " + (home.bundle("hf-agree").getState() == Bundle.ACTIVE ? "active" : "stopped"));
            seen.add("list " + home.service.list().stream().filter(r -> r.name().equals("hf-agree")).findFirst()
                    .orElseThrow().state().id());
            seen.add("info " + home.service.info("hf-agree").state().id());
        });

        assertEquals(List.of("bundle active", "list error", "info error"), seen);
        assertEquals(ResourceState.ERROR, home.service.info("hf-agree").state());
    }

    @Test
    void aResourceItsHostStopsLaterIsInErrorWithTheHostsMessage() throws Exception {
        home.folder("hf-late", Map.of("resource.toml", RESOURCE_TOML, StandInHost.SCRIPT, "run"));
        home.awaitListed("hf-late");
        home.service.start("hf-late");

        host.failLater(home.bundle("hf-late"),
                "hf-late stopped for breaking its limits: hf-late: main.lua:2: instruction budget per call exceeded");

        String message = "ERR_SCRIPT_EXECUTION: hf-late stopped for breaking its limits: hf-late: main.lua:2: "
                + "instruction budget per call exceeded";
        assertEquals(Optional.of(message), home.awaitState("hf-late", ResourceState.ERROR).lastError());
        assertEquals("resource:stopped {error=" + message + ", resourceName=hf-late}", events.await("resource:stopped"));
        assertTrue(home.service.diagnose("hf-late").contains("its last failure: " + message));

        home.service.start("hf-late");
        assertEquals(ResourceState.STARTED, home.service.info("hf-late").state());
        assertEquals(Optional.empty(), home.service.info("hf-late").lastError());
        assertEquals(2, events.lines().stream().filter(line -> line.equals("resource:started {resourceName=hf-late}"))
                .count(), "started twice: " + events.lines());
    }
}
