package dev.plinth.itest.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.itest.lua.RuntimeServices;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hot reload of a Java plugin: its new jar is swapped in at a tick boundary, the state its previous version saved
 * ({@code Plugin.saveState}) reaches the new one ({@code restoreState}, then {@code onReload}) through JSON, across
 * class loaders, and the previous version's class loader is collected once the reload is over.
 */
class JavaHotReloadTest {

    private static final String IMPORTS = "org.osgi.framework,dev.plinth.core.events,dev.plinth.core.runtime.command,"
            + "dev.plinth.core.runtime.plugin";

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private final EventLog events = new EventLog(home.context, "hj-count:reloaded");

    @AfterEach
    void cleanUp() throws IOException {
        Simulation simulation = runtime.await(Simulation.class);
        if (simulation.players().stream().anyMatch(line -> line.startsWith("hj_alice"))) {
            simulation.quit("hj_alice");
        }
        events.close();
        home.close();
        runtime.close();
    }

    private void writePlugin(String version) throws IOException {
        home.plugin("hj-count.jar", "hj-count", version, StatefulPluginActivator.class, IMPORTS,
                StatefulPluginActivator.CountingPlugin.class);
    }

    @Test
    void theNewJarGetsTheStateOfThePreviousOneAndItsClassLoaderGoes() throws Exception {
        writePlugin("1.0.0");
        home.awaitListed("hj-count");
        home.service.start("hj-count");
        Simulation simulation = runtime.await(Simulation.class);
        simulation.join("hj_alice");
        simulation.command("hj_alice", "hj-count-count");
        simulation.command("hj_alice", "hj-count-count");
        var firstLoader = new WeakReference<>(home.bundle("itest.hj-count")
                .loadClass(StatefulPluginActivator.CountingPlugin.class.getName()).getClassLoader());
        writePlugin("1.0.1");

        LifecycleResult result = home.service.restart("hj-count");

        assertEquals("restarted hj-count 1.0.1 with its new content", result.message());
        assertEquals(List.of("hj-count:reloaded {count=2, version=1.0.1}"), events.lines());
        simulation.command("hj_alice", "hj-count-count");
        assertTrue(simulation.inbox("hj_alice").getLast().endsWith("hj-count 1.0.1 counted 3"),
                simulation.inbox("hj_alice").toString());
        ResourceHome.await(() -> {
            System.gc();
            return firstLoader.get() == null ? Optional.of(true) : Optional.empty();
        }, "the first version's class loader is collected");
    }
}
