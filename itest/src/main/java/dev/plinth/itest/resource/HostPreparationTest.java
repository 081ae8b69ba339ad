package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.host.HostPreparation;
import dev.plinth.core.runtime.tick.GameThread;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The {@link HostPreparation} contract: before a resource starts, every registered host prepares it on the thread
 * that asked for the start, never the game thread, once the bundle resolved and before it is started; dependencies
 * are prepared too, each before its own start.
 */
class HostPreparationTest {

    private final ResourceHome home = new ResourceHome();
    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private ServiceRegistration<HostPreparation> registration;

    @AfterEach
    void cleanUp() throws IOException {
        if (registration != null) {
            registration.unregister();
        }
        home.close();
    }

    @Test
    void aHostPreparesEachResourceBeforeItsStartOffTheGameThread() throws IOException {
        ServiceReference<GameThread> gameReference = home.context.getServiceReference(GameThread.class);
        GameThread gameThread = home.context.getService(gameReference);
        registration = home.context.registerService(HostPreparation.class, bundle -> prepared.add(
                bundle.getSymbolicName() + " " + state(bundle) + " " + (gameThread.isGameThread() ? "game" : "off")),
                null);
        home.folder("hp-base", Map.of("resource.toml", "type = \"asset-pack\"\nversion = \"1.0.0\"\n"));
        home.folder("hp-top", Map.of("plugin.toml",
                "[plugin]\nname = \"hp-top\"\nversion = \"1.0.0\"\n[dependencies]\nhp-base = \">=1.0.0\"\n"));
        home.awaitListed("hp-base");
        home.awaitListed("hp-top");

        home.service.start("hp-top");

        List<String> ours = prepared.stream().filter(line -> line.startsWith("hp-")).toList();
        assertEquals(List.of("hp-base resolved off", "hp-top resolved off"), ours, prepared.toString());
        home.service.stop("hp-top");
        home.service.stop("hp-base");
        prepared.clear();
        home.service.start("hp-base");
        assertTrue(prepared.contains("hp-base resolved off"), prepared.toString());
        assertFalse(prepared.stream().anyMatch(line -> line.startsWith("hp-top")), "only what starts is prepared");
        home.context.ungetService(gameReference);
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.RESOLVED -> "resolved";
            case Bundle.ACTIVE -> "active";
            case Bundle.INSTALLED -> "installed";
            default -> "state " + bundle.getState();
        };
    }
}
