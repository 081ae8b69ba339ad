package dev.plinth.itest.resource;

import static dev.plinth.itest.resource.ResourceAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.ResourceState;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Who may change resources: a resource needs a grant in {@code AdminResources}; nobody may from inside a handler
 * the server runs deterministically; the test bundle, like the shell, is the system context.
 */
class ResourceAccessTest {

    private final ResourceHome home = new ResourceHome();

    @BeforeEach
    void deploy() throws IOException {
        home.folder("ac-panel", Map.of("resource.toml", "type = \"asset-pack\"\n"));
        home.folder("ac-target", Map.of("resource.toml", "type = \"asset-pack\"\n"));
        home.awaitListed("ac-panel");
        home.awaitListed("ac-target");
        home.service.start("ac-panel");
    }

    @AfterEach
    void cleanUp() throws IOException {
        home.close();
    }

    @Test
    void aNameNoResourceCanHaveIsRefusedByEveryOperation() {
        var invalid = assertCode(ResourceErrorCode.ERR_INVALID_NAME, () -> home.service.start("bad name"));
        assertEquals("ERR_INVALID_NAME: 'bad name' is not a valid name: use letters, digits, '_', '-' and '.' (not at "
                + "the start or end), such as chat-demo", invalid.getMessage());
        var tooLong = assertCode(ResourceErrorCode.ERR_NAME_TOO_LONG, () -> home.service.stop("n".repeat(70)));
        assertEquals("ERR_NAME_TOO_LONG: '" + "n".repeat(70) + "' has 70 characters, at most 64 are allowed",
                tooLong.getMessage());
        assertCode(ResourceErrorCode.ERR_INVALID_NAME, () -> home.service.restart("a/b"));
        assertCode(ResourceErrorCode.ERR_INVALID_NAME, () -> home.service.ensure(""));
        assertCode(ResourceErrorCode.ERR_INVALID_NAME, () -> home.service.info("-x"));
        assertCode(ResourceErrorCode.ERR_NAME_TOO_LONG, () -> home.service.diagnose("n".repeat(65)));
        assertCode(ResourceErrorCode.ERR_INVALID_NAME, () -> asPanel(s -> s.start("bad name")));
    }

    @Test
    void aResourceWithoutAGrantIsDenied() {
        var refused = assertCode(ResourceErrorCode.ERR_PERMISSION_DENIED, () -> asPanel(s -> s.start("ac-target")));

        assertEquals("ERR_PERMISSION_DENIED: ac-panel may not start ac-target: only the resources listed in "
                + "AdminResources (conf/server.json) and the console may", refused.getMessage());
        assertEquals(ResourceState.LOADED, home.service.info("ac-target").state());
    }

    @Test
    void anAdminResourceMayStartAndStopOthers() throws IOException {
        home.settings("{\"AdminResources\": [\"ac-panel\"]}");

        asPanel(s -> s.start("ac-target"));
        assertEquals(ResourceState.STARTED, home.service.info("ac-target").state());
        asPanel(s -> s.stop("ac-target"));
        assertEquals(ResourceState.STOPPED, home.service.info("ac-target").state());
    }

    @Test
    void readingIsOpenToEveryResource() {
        assertTrue(asPanel(ResourceService::names).contains("ac-target"));
    }

    @Test
    void lifecycleCallsFromADeterministicHandlerAreRefused() throws Exception {
        ServiceReference<EventBus> reference = home.context.getServiceReference(EventBus.class);
        boolean ticking = Arrays.stream(home.context.getBundles())
                .anyMatch(b -> "dev.plinth.core.runtime".equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE)
                && home.context.getServiceReference("dev.plinth.core.runtime.tick.GameThread") != null;
        Assumptions.assumeTrue(reference != null && ticking, "a game thread ticks and posts server_tick");
        EventBus bus = home.context.getService(reference);
        var outcome = new CompletableFuture<String>();
        var subscription = bus.subscribe("server_tick", HandlerOptions.defaults(), (Event tick) -> {
            try {
                home.service.start("ac-target");
                outcome.complete("started");
            } catch (ResourceException e) {
                outcome.complete(e.getMessage());
            }
        });
        try {
            String message = outcome.get(10, TimeUnit.SECONDS);
            assertTrue(message.startsWith("ERR_DETERMINISTIC_POLICY: cannot start ac-target from inside a "
                    + "deterministic handler"), message);
        } finally {
            subscription.close();
            home.context.ungetService(reference);
        }
    }

    @Test
    void configAssetsAreReadAndWrittenAtomicallyInTheResourceFolder() throws IOException {
        home.folder("ac-map", Map.of("meta.json", "{\"name\": \"ac-map\", \"resourceType\": \"map\", \"assets\": "
                + "[{\"path\": \"map/map.json\", \"type\": \"config\"}]}", "map/map.json", "{\"formatVersion\": 1}"));
        home.awaitListed("ac-map");

        assertEquals(Optional.of(Map.of("formatVersion", 1)), home.service.readConfigAsset("ac-map", "map/map.json"));
        assertEquals("map/map.json", home.service.writeConfigAsset("ac-map", "map/map.json",
                Map.of("formatVersion", 2, "name", "Test Map 1")));
        assertEquals(Optional.of(Map.of("formatVersion", 2, "name", "Test Map 1")),
                home.service.readConfigAsset("ac-map", "map/map.json"));

        assertCode(ResourceErrorCode.ERR_NOT_FOUND, () -> home.service.readConfigAsset("ac-map", "meta.json"));
        assertCode(ResourceErrorCode.ERR_PERMISSION_DENIED,
                () -> home.service.writeConfigAsset("ac-map", "../ac-panel/resource.toml", Map.of()));
        var denied = assertCode(ResourceErrorCode.ERR_PERMISSION_DENIED,
                () -> asPanel(s -> s.writeConfigAsset("ac-map", "map/map.json", Map.of())));
        assertTrue(denied.getMessage().contains("ac-panel may not write the config assets of ac-map"));
    }

    /** Calls the service as the resource ac-panel: through its own bundle context, as a language host would. */
    private <T> T asPanel(java.util.function.Function<ResourceService, T> call) {
        Bundle panel = Arrays.stream(home.context.getBundles()).filter(b -> "ac-panel".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        BundleContext context = panel.getBundleContext();
        ServiceReference<ResourceService> reference = context.getServiceReference(ResourceService.class);
        try {
            return call.apply(context.getService(reference));
        } finally {
            context.ungetService(reference);
        }
    }
}
