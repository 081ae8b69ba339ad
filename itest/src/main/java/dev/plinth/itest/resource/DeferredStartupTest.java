package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.host.HostPreparation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The boot defers the start of a startup resource whose preparation is long work for its host: the shell is ready
 * (the console's condition is registered and {@code resource:list} answers, showing the resource {@code starting})
 * while the host is still preparing it; then it starts, and the condition of every startup resource started follows.
 * The boot runs again by restarting core.resource, with a host whose preparation of one resource waits for the test.
 */
class DeferredStartupTest {

    private static final String READY = "(&(objectClass=org.osgi.service.condition.Condition)"
            + "(osgi.condition.id=plinth.resources.ready))";
    private static final String STARTED = "(&(objectClass=org.osgi.service.condition.Condition)"
            + "(osgi.condition.id=plinth.resources.started))";

    private final ResourceHome home = new ResourceHome();
    private final BundleContext context = home.context;

    @Test
    void theShellAnswersWhileALongPreparationWaitsThenTheResourceStarts() throws Exception {
        var release = new CountDownLatch(1);
        var preparing = new CompletableFuture<String>();
        ServiceRegistration<HostPreparation> host = context.registerService(HostPreparation.class,
                new HostPreparation() {
                    @Override
                    public void prepare(Bundle resource) {
                        if ("ds-slow".equals(resource.getSymbolicName())) {
                            preparing.complete(Thread.currentThread().getName());
                            try {
                                release.await(ResourceHome.WAIT.toSeconds(), TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }

                    @Override
                    public Optional<String> longWork(Bundle resource) {
                        return "ds-slow".equals(resource.getSymbolicName())
                                ? Optional.of("compiling what the test holds back") : Optional.empty();
                    }
                }, null);
        List<Path> written = List.of(
                home.folder("ds-slow", Map.of("resource.toml", "type = \"asset-pack\"\nversion = \"1.0.0\"\n")),
                home.folder("ds-quick", Map.of("resource.toml", "type = \"asset-pack\"\nversion = \"1.0.0\"\n")));
        home.awaitListed("ds-slow");
        home.awaitListed("ds-quick");
        home.settings("{\"StartupResources\": [\"ds-slow\", \"ds-quick\"]}");
        Bundle core = home.bundle("dev.plinth.core.resource");
        try {
            core.stop();
            core.start();

            assertNotNull(waitFor(READY), "the shell's condition is registered while ds-slow is being prepared");
            assertEquals("plinth-resource-deployer", preparing.get(ResourceHome.WAIT.toSeconds(), TimeUnit.SECONDS),
                    "prepared after the shell's condition, on the boot's thread");
            ResourceService service = service();
            assertEquals(ResourceState.STARTING, state(service, "ds-slow"), "deferred: starting until prepared");
            assertEquals(ResourceState.STARTED, state(service, "ds-quick"), "a quick one started before the shell");
            assertNull(findStarted(), "not every startup resource has started yet");
            String listing = shell("resource:list");
            assertTrue(listing.matches("(?s).*ds-slow\\s+\\S+\\s+\\S+\\s+1\\.0\\.0\\s+starting.*"), listing);
            assertTrue(listing.matches("(?s).*ds-quick\\s+\\S+\\s+\\S+\\s+1\\.0\\.0\\s+started.*"), listing);

            release.countDown();
            assertNotNull(waitFor(STARTED), "every startup resource has started");
            assertEquals(ResourceState.STARTED, state(service(), "ds-slow"));
            assertTrue(shell("resource:ensure ds-slow").contains("Ds-slow is already started"));
        } finally {
            release.countDown();
            host.unregister();
            Files.deleteIfExists(home.root.resolve("conf/server.json"));
            for (Path path : written) {
                ResourceHome.delete(path);
            }
            if (core.getState() != Bundle.ACTIVE) {
                core.start();
            }
            waitFor(STARTED);
            ResourceService service = service();
            ResourceHome.await(() -> service.names().stream().anyMatch(n -> n.startsWith("ds-")) ? Optional.empty()
                    : Optional.of(true), "the test's resources are removed");
        }
    }

    private static ResourceState state(ResourceService service, String name) {
        return service.list().stream().filter(r -> r.name().equals(name)).map(ResourceInfo::state).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is listed"));
    }

    private Object findStarted() throws Exception {
        var references = context.getServiceReferences((String) null, STARTED);
        return references == null ? null : references[0];
    }

    private Object waitFor(String filter) throws Exception {
        var tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        tracker.open();
        try {
            return tracker.waitForService(ResourceHome.WAIT.toMillis());
        } finally {
            tracker.close();
        }
    }

    private ResourceService service() throws InterruptedException {
        var tracker = new ServiceTracker<ResourceService, ResourceService>(context, ResourceService.class, null);
        tracker.open();
        try {
            ResourceService service = tracker.waitForService(ResourceHome.WAIT.toMillis());
            assertNotNull(service, "the resource service is back");
            return service;
        } finally {
            tracker.close();
        }
    }

    private String shell(String command) throws Exception {
        var tracker = new ServiceTracker<CommandProcessor, CommandProcessor>(context, CommandProcessor.class, null);
        tracker.open();
        var out = new ByteArrayOutputStream();
        try {
            CommandProcessor processor = tracker.waitForService(ResourceHome.WAIT.toMillis());
            assertNotNull(processor, "the shell is there");
            var print = new PrintStream(out, true, StandardCharsets.UTF_8);
            CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
            try {
                // the resource commands come back with core.resource: wait for them as a server owner would retry
                Object result = ResourceHome.await(() -> {
                    try {
                        return Optional.ofNullable(session.execute(command));
                    } catch (Exception e) {
                        return Optional.empty();
                    }
                }, command + " answers");
                return String.valueOf(result);
            } finally {
                session.close();
            }
        } finally {
            tracker.close();
        }
    }
}
