package dev.plinth.itest.resource;

import static dev.plinth.itest.resource.ResourceAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.Subscription;
import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The lifecycle rules on real bundles and the framework's resolver: dependencies start first, dependents stop
 * first, the error codes of missing dependencies, cycles, system resources and repeated calls, the counters and
 * the events.
 */
class ResourceLifecycleTest {

    private final ResourceHome home = new ResourceHome();

    @BeforeEach
    void deployChain() throws IOException {
        // lc-admin → lc-chat → lc-core, in three manifest formats
        home.folder("lc-core", Map.of("plugin.toml", "[plugin]\nname = \"lc-core\"\nversion = \"1.2.0\"\n"));
        home.folder("[lc]/lc-chat", Map.of("plugin.toml",
                "[plugin]\nname = \"lc-chat\"\nversion = \"1.0.0\"\n[dependencies]\nlc-core = \">=1.0 <2.0\"\n"));
        home.folder("lc-admin", Map.of("meta.json", "{\"name\": \"lc-admin\", \"dependencies\": [\"lc-chat\"]}"));
        for (String name : List.of("lc-core", "lc-chat", "lc-admin")) {
            home.awaitListed(name);
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        home.close();
    }

    @Test
    void startingAResourceStartsItsDependenciesFirst() {
        LifecycleResult result = home.service.start("lc-admin");

        assertEquals(List.of("lc-core", "lc-chat", "lc-admin"), result.started());
        assertEquals("started lc-admin (after its dependencies: lc-core, lc-chat)", result.message());
        for (String name : List.of("lc-core", "lc-chat", "lc-admin")) {
            assertEquals(ResourceState.STARTED, home.service.info(name).state());
        }
        assertEquals(List.of("lc-chat"), home.service.info("lc-core").dependents());
    }

    @Test
    void stoppingAResourceStopsItsDependentsFirstAndSaysWhich() {
        home.service.start("lc-admin");

        LifecycleResult result = home.service.stop("lc-core");

        assertEquals(List.of("lc-admin", "lc-chat", "lc-core"), result.stopped());
        assertEquals("stopped lc-core (after its dependents: lc-admin, lc-chat)", result.message());
        assertEquals(ResourceState.STOPPED, home.service.info("lc-admin").state());
    }

    @Test
    void repeatedCallsAndUnknownNamesAreRefusedWithTheirCodes() {
        home.service.start("lc-core");

        assertCode(ResourceErrorCode.ERR_ALREADY_STARTED, () -> home.service.start("lc-core"));
        assertEquals(List.of(), home.service.ensure("lc-core").started(), "ensure accepts a started resource");
        home.service.stop("lc-core");
        assertCode(ResourceErrorCode.ERR_ALREADY_STOPPED, () -> home.service.stop("lc-core"));
        assertEquals(List.of("lc-core"), home.service.ensure("lc-core").started());
        var missing = assertCode(ResourceErrorCode.ERR_NOT_FOUND, () -> home.service.start("lc-nothing"));
        assertTrue(missing.getMessage().startsWith("ERR_NOT_FOUND: no resource named lc-nothing"), missing.getMessage());
    }

    @Test
    void plinthBundlesAreSystemResources() {
        var refused = assertCode(ResourceErrorCode.ERR_SYSTEM_RESOURCE, () -> home.service.stop("dev.plinth.console"));
        assertTrue(refused.getMessage().contains("dev.plinth.console is a system resource"), refused.getMessage());
        assertCode(ResourceErrorCode.ERR_SYSTEM_RESOURCE, () -> home.service.restart("dev.plinth.core.resource"));
        boolean serverProvided = Arrays.stream(home.context.getBundles()).anyMatch(b -> b.adapt(BundleRevision.class)
                .getDeclaredCapabilities("plinth.resource").stream()
                .anyMatch(c -> "server".equals(c.getAttributes().get("plinth.resource"))));
        if (serverProvided) {
            assertCode(ResourceErrorCode.ERR_SYSTEM_RESOURCE, () -> home.service.stop("server"));
            assertTrue(home.service.info("server").system());
        }
    }

    @Test
    void aMissingDependencyIsNamedWithItsRange() throws IOException {
        home.folder("lc-orphan", Map.of("plugin.toml",
                "[plugin]\nname = \"lc-orphan\"\n[dependencies]\nlc-none = \"[1.0,2.0)\"\n"));
        home.awaitListed("lc-orphan");

        var refused = assertCode(ResourceErrorCode.ERR_DEPENDENCY_MISSING, () -> home.service.start("lc-orphan"));
        assertEquals("ERR_DEPENDENCY_MISSING: lc-orphan needs lc-none [1.0.0,2.0.0), none installed", refused.getMessage());
        assertEquals(ResourceState.ERROR, home.service.info("lc-orphan").state());
        assertTrue(home.service.diagnose("lc-orphan").contains(
                "ERR_DEPENDENCY_MISSING: lc-orphan needs lc-none [1.0.0,2.0.0), none installed"));
    }

    @Test
    void aDependencyOutOfRangeSaysWhichVersionIsInstalled() throws IOException {
        home.folder("lc-newer", Map.of("plugin.toml", "[plugin]\nname = \"lc-newer\"\n[dependencies]\nlc-core = \">=2.0\"\n"));
        home.awaitListed("lc-newer");

        var refused = assertCode(ResourceErrorCode.ERR_DEPENDENCY_MISSING, () -> home.service.start("lc-newer"));
        assertEquals("ERR_DEPENDENCY_MISSING: lc-newer needs lc-core >=2.0.0, only lc-core 1.2.0 is installed",
                refused.getMessage());
    }

    @Test
    void aModForAnotherGameVersionDoesNotStartAndSaysWhichVersionRuns() throws IOException {
        home.folder("lc-old-mod", Map.of("manifest.json",
                "{\"name\": \"Old mod\", \"version\": \"1.0.0\", \"requires\": {\"@game\": \"1.0.0,1.5.0\"}}"));
        home.folder("lc-new-mod", Map.of("manifest.json", "{\"name\": \"New mod\", \"version\": \"1.0.0\", "
                + "\"requires\": {\"@game\": \"1.21.0,1.22.0\", \"@server\": \"0.1.0,1.0.0\"}}"));
        List.of("lc-old-mod", "lc-new-mod").forEach(home::awaitListed);

        var refused = assertCode(ResourceErrorCode.ERR_DEPENDENCY_MISSING, () -> home.service.start("lc-old-mod"));

        String problem = "ERR_DEPENDENCY_MISSING: lc-old-mod needs @game [1.0.0,1.5.0], the server runs game 1.21.50";
        assertEquals(problem, refused.getMessage());
        assertEquals(ResourceState.ERROR, home.service.info("lc-old-mod").state());
        assertTrue(home.service.diagnose("lc-old-mod").contains(problem), home.service.diagnose("lc-old-mod").toString());
        assertEquals(List.of("lc-new-mod"), home.service.start("lc-new-mod").started());
        assertEquals(ResourceState.STARTED, home.service.info("lc-new-mod").state());
    }

    @Test
    void aCycleIsPrintedWhole() throws IOException {
        home.folder("lc-a", Map.of("resource.toml", "type = \"asset-pack\"\ndeps = [\"lc-b\"]\n"));
        home.folder("lc-b", Map.of("resource.toml", "type = \"asset-pack\"\ndeps = [\"lc-c\"]\n"));
        home.folder("lc-c", Map.of("resource.toml", "type = \"asset-pack\"\ndeps = [\"lc-a\"]\n"));
        List.of("lc-a", "lc-b", "lc-c").forEach(home::awaitListed);

        var refused = assertCode(ResourceErrorCode.ERR_DEPENDENCY_CYCLE, () -> home.service.start("lc-a"));
        assertEquals("ERR_DEPENDENCY_CYCLE: lc-a is in a dependency cycle: lc-a -> lc-b -> lc-c -> lc-a",
                refused.getMessage());
    }

    @Test
    void aScriptResourceWithoutItsHostSaysWhichHostIsMissing() throws IOException {
        String missingHost = List.of("plinth.wasm", "plinth.js", "plinth.lua").stream()
                .filter(host -> Arrays.stream(home.context.getBundles()).noneMatch(b -> b.adapt(BundleRevision.class)
                        .getDeclaredCapabilities("osgi.extender").stream()
                        .anyMatch(c -> host.equals(c.getAttributes().get("osgi.extender")))))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(missingHost != null, "every language host is installed");
        String main = Map.of("plinth.wasm", "plugin.wasm", "plinth.js", "main.js", "plinth.lua", "main.lua").get(missingHost);
        home.folder("lc-script", Map.of("plugin.toml", "[plugin]\nname = \"lc-script\"\nmain = \"" + main + "\"\n", main, ""));
        home.awaitListed("lc-script");

        var refused = assertCode(ResourceErrorCode.ERR_DEPENDENCY_MISSING, () -> home.service.start("lc-script"));
        assertEquals("ERR_DEPENDENCY_MISSING: lc-script needs the language host " + missingHost
                + " (osgi.extender), none installed", refused.getMessage());
    }

    @Test
    void everyTransitionIsCounted() {
        Map<ResourceState, Long> before = home.service.statistics().transitions();

        home.service.start("lc-core");
        home.service.stop("lc-core");

        Map<ResourceState, Long> after = home.service.statistics().transitions();
        for (ResourceState state : List.of(ResourceState.STARTING, ResourceState.STARTED, ResourceState.STOPPING,
                ResourceState.STOPPED)) {
            assertEquals(before.get(state) + 1, after.get(state), state.id());
        }
        assertTrue(home.service.statistics().current().get(ResourceState.STOPPED) >= 1);
    }

    @Test
    void lifecycleEventsArePostedWithTheResourceName() {
        ServiceReference<EventBus> reference = home.context.getServiceReference(EventBus.class);
        Assumptions.assumeTrue(reference != null, "the event bus is installed");
        EventBus bus = home.context.getService(reference);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        var subscriptions = new ArrayList<Subscription>();
        for (String name : List.of("resource:started", "resource:stopped", "resource:start_error")) {
            subscriptions.add(bus.subscribe(name, HandlerOptions.defaults(), (Event event) ->
                    seen.add(event.name() + " " + event.payload().get("resourceName")
                            + Optional.ofNullable(event.payload().get("error")).map(e -> " " + e).orElse(""))));
        }
        try {
            home.service.start("lc-chat");
            home.service.stop("lc-chat");
            assertCode(ResourceErrorCode.ERR_NOT_FOUND, () -> home.service.start("lc-nothing"));

            ResourceHome.await(() -> seen.size() >= 3 ? Optional.of(true) : Optional.empty(), "three events: " + seen);
            assertEquals(List.of("resource:started lc-core", "resource:started lc-chat", "resource:stopped lc-chat"),
                    List.copyOf(seen));
        } finally {
            subscriptions.forEach(Subscription::close);
            home.context.ungetService(reference);
        }
    }

    @Test
    void theStartupConditionIsRegistered() throws Exception {
        var references = home.context.getServiceReferences("org.osgi.service.condition.Condition",
                "(osgi.condition.id=plinth.resources.ready)");
        assertEquals(1, references.length);
    }

    @Test
    void aBundleIsStartedTransientlySoTheFrameworkNeverStartsItOnItsOwn() {
        home.service.start("lc-core");
        Bundle bundle = Arrays.stream(home.context.getBundles()).filter(b -> "lc-core".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();

        assertEquals(Bundle.ACTIVE, bundle.getState());
        assertTrue(bundle.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).isPersistentlyStarted() == false);
    }
}
