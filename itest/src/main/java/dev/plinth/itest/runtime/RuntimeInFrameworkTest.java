package dev.plinth.itest.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.Subscription;
import dev.plinth.core.runtime.command.CommandInfo;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.plugin.Plugin;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.runtime.tick.GameThread;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.condition.Condition;

/**
 * core.runtime in a real Felix framework: it is the resource {@code server}, its resource services are
 * bundle-scoped, game events come from {@code server} on the game thread, plugins are enabled and disabled on the
 * game thread, and a stopping plugin bundle takes its commands, tasks and handlers with it.
 */
class RuntimeInFrameworkTest {

    private final BundleContext context = FrameworkUtil.getBundle(RuntimeInFrameworkTest.class).getBundleContext();
    private final List<AutoCloseable> cleanUp = new CopyOnWriteArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : cleanUp.reversed()) {
            closeable.close();
        }
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        assertNotNull(reference, type.getSimpleName() + " is registered");
        cleanUp.add(() -> context.ungetService(reference));
        return context.getService(reference);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is installed"));
    }

    @Test
    void theRuntimeBundleIsTheServerResource() {
        var capabilities = bundle("dev.plinth.core.runtime").adapt(BundleRevision.class)
                .getDeclaredCapabilities("plinth.resource");
        assertEquals(1, capabilities.size());
        assertEquals("server", capabilities.getFirst().getAttributes().get("plinth.resource"));
        assertEquals(org.osgi.framework.Version.parseVersion("0.1.0"),
                capabilities.getFirst().getAttributes().get("version"));
    }

    @Test
    void everythingAResourceOwnsIsABundleScopedService() {
        for (Class<?> type : List.of(Server.class, Commands.class, Scheduler.class, ConfigStore.class)) {
            ServiceReference<?> reference = context.getServiceReference(type);
            assertNotNull(reference, type.getSimpleName());
            assertEquals(Constants.SCOPE_BUNDLE, reference.getProperty(Constants.SERVICE_SCOPE), type.getSimpleName());
        }
        assertEquals("dev.plinth.itest", service(ConfigStore.class).folder().getFileName().toString());
    }

    @Test
    void theServerReadyConditionIsRegisteredOnceThePluginsAreEnabled() throws Exception {
        var ready = context.getServiceReferences(Condition.class, "(osgi.condition.id=plinth.server.ready)");
        assertEquals(1, ready.size());
        assertTrue(service(Commands.class).list().stream().anyMatch(c -> c.owner().equals("hello")),
                "the example plugin was enabled before");
    }

    @Test
    void gameEventsComeFromTheServerOnTheGameThreadInADeterministicSection() {
        EventBus bus = service(EventBus.class);
        GameThread gameThread = service(GameThread.class);
        Simulation simulation = service(Simulation.class);
        List<String> seen = new CopyOnWriteArrayList<>();
        Subscription subscription = bus.subscribe(PlayerChatEvent.class, event -> {
            seen.add(bus.currentEnvelope().orElseThrow().source() + " " + Thread.currentThread().getName() + " "
                    + gameThread.inDeterministicSection());
            if (event.message().contains("stop")) {
                event.cancel();
            }
        });
        cleanUp.add(subscription::close);
        simulation.join("itest_chat");
        cleanUp.add(() -> simulation.quit("itest_chat"));

        assertEquals("'itest_chat: hi' sent to 1 player(s)", simulation.chat("itest_chat", "hi"));
        assertEquals("itest_chat's message was cancelled", simulation.chat("itest_chat", "please stop"));
        assertEquals(List.of("server plinth-tick true", "server plinth-tick true"), seen);
    }

    @Test
    void aPluginIsEnabledAndDisabledOnTheGameThread() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        var enabled = new CompletableFuture<Void>();
        Plugin plugin = new Plugin() {
            @Override
            public void onEnable() {
                calls.add("enable on " + Thread.currentThread().getName());
                enabled.complete(null);
            }

            @Override
            public void onDisable() {
                calls.add("disable on " + Thread.currentThread().getName());
            }
        };
        ServiceRegistration<Plugin> registration = context.registerService(Plugin.class, plugin, null);
        enabled.get(10, TimeUnit.SECONDS);
        registration.unregister();

        assertEquals(List.of("enable on plinth-tick", "disable on plinth-tick"), calls);
    }

    @Test
    void stoppingAPluginBundleTakesItsCommandsTasksAndHandlersWithIt() throws Exception {
        Bundle hello = bundle("dev.plinth.examples.hello");
        Commands commands = service(Commands.class);
        Simulation simulation = service(Simulation.class);
        simulation.join("itest_hello");
        cleanUp.add(() -> simulation.quit("itest_hello"));
        assertTrue(names(commands).containsAll(List.of("hello", "announce", "menu")), names(commands).toString());

        hello.stop();
        try {
            assertFalse(names(commands).contains("hello"), names(commands).toString());
            assertEquals("/hello: unknown", simulation.command("itest_hello", "hello"));
            assertEquals("'itest_hello: a spoiler' sent to 1 player(s)", simulation.chat("itest_hello", "a spoiler"));
            assertTrue(service(Scheduler.class).tasks().stream().noneMatch(t -> t.owner().equals("hello")));
            // the plugin starts again with its default config, whatever an earlier run left in the home
            Files.deleteIfExists(Path.of(context.getProperty("plinth.home"), "data", "hello", "config.toml"));
        } finally {
            hello.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!names(commands).contains("hello") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("/hello: executed", simulation.command("itest_hello", "hello"));
        assertEquals("itest_hello's message was cancelled", simulation.chat("itest_hello", "a spoiler"));
    }

    @Test
    void theShellScopesAreRegistered() throws Exception {
        CommandProcessor processor = service(CommandProcessor.class);
        var out = new ByteArrayOutputStream();
        try (var session = processor.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out),
                new PrintStream(out))) {
            assertEquals("itest_shell joined at (0.5, 4, 0.5) in overworld", session.execute("sim:join itest_shell"));
            assertTrue(String.valueOf(session.execute("sim:players")).contains("itest_shell #"));
            assertEquals("itest_shell left", session.execute("sim:quit itest_shell"));
            assertTrue(String.valueOf(session.execute("server:mspt")).contains("window  ticks  mean ms   p99 ms   max ms"));
            assertTrue(String.valueOf(session.execute("perm:list nobody")).startsWith("nobody: not an operator"));
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).isEmpty(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theClockRunsAtTwentyTicksASecond() throws Exception {
        GameThread gameThread = service(GameThread.class);
        long before = gameThread.currentTick();
        Thread.sleep(500);
        long ticks = gameThread.currentTick() - before;
        assertTrue(ticks >= 5 && ticks <= 12, "about 10 ticks in 500 ms, not " + ticks);
        assertTrue(gameThread.statistics().last5s().ticks() > 0);
    }

    private static List<String> names(Commands commands) {
        return commands.list().stream().map(CommandInfo::name).toList();
    }
}
