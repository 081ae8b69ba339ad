package dev.plinth.core.resource.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.runtime.OwnLifecycleThread;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * A start whose bundle is not active once {@code Bundle.start} returns failed: its language host stopped it again,
 * and the host's failure is the reason.
 */
class TransitionsTest {

    private static final long BUNDLE_ID = 42;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OwnLifecycleThread serverThread = new OwnLifecycleThread();
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final ResourceEvents events = new ResourceEvents(() -> Optional.of(recordingBus(posted)));
    private final TransitionLocks locks = new TransitionLocks();

    @AfterEach
    void stopThread() {
        serverThread.close();
    }

    @Test
    void aBundleItsHostStoppedWhileStartingFailsWithTheHostsMessage() {
        var transitions = transitions(id -> id == BUNDLE_ID
                ? Optional.of("welcome: main.lua:3: attempt to call a nil value (global 'oops')") : Optional.empty());

        var failed = assertThrows(ResourceException.class, () -> start(transitions, Bundle.RESOLVED));

        assertEquals(ResourceErrorCode.ERR_SCRIPT_EXECUTION, failed.code());
        assertEquals("ERR_SCRIPT_EXECUTION: welcome: main.lua:3: attempt to call a nil value (global 'oops')",
                failed.getMessage());
        assertEquals(List.of(), posted, "resource:started is not posted");
    }

    @Test
    void aBundleStoppedWhileStartingWithoutAHostFailureStillFails() {
        var transitions = transitions(id -> Optional.empty());

        var failed = assertThrows(ResourceException.class, () -> start(transitions, Bundle.RESOLVED));

        assertEquals("ERR_SCRIPT_EXECUTION: welcome was stopped again while it started", failed.getMessage());
        assertEquals(List.of(), posted);
    }

    @Test
    void aBundleThatStaysActiveIsAnnouncedStartedEvenWithAnOldHostFailure() {
        var transitions = transitions(id -> Optional.of("welcome: main.lua:1: an earlier failure"));

        start(transitions, Bundle.ACTIVE);

        assertEquals(List.of("resource:started {resourceName=welcome}"), posted);
    }

    @Test
    void aBundleItsHostFailedWhileStartingButLeftActiveIsStoppedAndFails() {
        var state = new AtomicInteger(Bundle.RESOLVED);
        var failures = new AtomicLong();
        var transitions = new Transitions(() -> serverThread, events, new HostFailureLookup() {
            @Override
            public Optional<String> message(long bundleId) {
                return failures.get() == 0 ? Optional.empty()
                        : Optional.of("plugin: PluginActivator.java:12: onEnable failed: IllegalStateException: no");
            }

            @Override
            public long sequence(long bundleId) {
                return failures.get();
            }
        });
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "start" -> {
                        failures.incrementAndGet(); // the host failed it while it started, and could not stop it
                        state.set(Bundle.ACTIVE);
                        yield null;
                    }
                    case "stop" -> {
                        state.set(Bundle.RESOLVED);
                        yield null;
                    }
                    case "getState" -> state.get();
                    case "getBundleId" -> BUNDLE_ID;
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        var failed = assertThrows(ResourceException.class, () -> {
            try (var lock = locks.acquire("plugin", "starting")) {
                transitions.start("plugin", bundle, TIMEOUT, lock);
            }
        });

        assertEquals("ERR_SCRIPT_EXECUTION: plugin: PluginActivator.java:12: onEnable failed: IllegalStateException: no",
                failed.getMessage());
        assertEquals(Bundle.RESOLVED, state.get(), "the manager stopped it");
        assertEquals(List.of(), posted);
    }

    @Test
    void aQueuedPostRunsAfterTheWorkUnderWayOnTheServerThread() throws Exception {
        var transitions = transitions(id -> Optional.empty());
        var order = new CopyOnWriteArrayList<String>();

        serverThread.submit(() -> {
            transitions.postQueued(() -> order.add("posted"));
            order.add("work done");
            return null;
        }).get(5, TimeUnit.SECONDS);
        serverThread.submit(() -> null).get(5, TimeUnit.SECONDS);

        assertEquals(List.of("work done", "posted"), order);
    }

    /** What the hosts registered: a message that is there before the start (an old failure) or not at all. */
    private Transitions transitions(LongFunction<Optional<String>> hostFailure) {
        return new Transitions(() -> serverThread, events, new HostFailureLookup() {
            @Override
            public Optional<String> message(long bundleId) {
                return hostFailure.apply(bundleId);
            }

            @Override
            public long sequence(long bundleId) {
                return hostFailure.apply(bundleId).isPresent() ? 1 : 0;
            }
        });
    }

    /** Starts a bundle that is in the given state once its start returns. */
    private void start(Transitions transitions, int stateAfterStart) {
        try (var lock = locks.acquire("welcome", "starting")) {
            transitions.start("welcome", bundle(stateAfterStart), TIMEOUT, lock);
        }
    }

    private static Bundle bundle(int stateAfterStart) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "start" -> null;
                    case "getState" -> stateAfterStart;
                    case "getBundleId" -> BUNDLE_ID;
                    case "toString" -> "bundle " + BUNDLE_ID;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static EventBus recordingBus(List<String> posted) {
        return (EventBus) Proxy.newProxyInstance(EventBus.class.getClassLoader(), new Class<?>[] {EventBus.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("post") && args.length == 2 && args[0] instanceof String name) {
                        posted.add(name + " " + args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
