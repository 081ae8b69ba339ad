package dev.plinth.core.resource.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.runtime.OwnLifecycleThread;
import dev.plinth.core.resource.internal.runtime.ServerThread;
import dev.plinth.core.runtime.host.PendingHook;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * A start whose bundle is not active once {@code Bundle.start} returns failed: its language host stopped it again,
 * and the host's failure is the reason. A start whose hook still awaits is waited for off the server thread, and fails
 * (the bundle stopped again) when the hook fails or outlives the timeout. A stop whose hook awaits is waited for the
 * same way, and stops the bundle whichever way the hook ends.
 */
class TransitionsTest {

    private static final long BUNDLE_ID = 42;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OwnLifecycleThread lifecycleThread = new OwnLifecycleThread();
    /** Whether the server thread ticks, as a game thread does (and {@link #lifecycleThread} alone does not). */
    private volatile boolean ticking = true;
    /** The server thread as the transitions see it: the lifecycle thread, ticking unless a test says otherwise. */
    private final ServerThread serverThread = new ServerThread() {
        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work) {
            return lifecycleThread.submit(work);
        }

        @Override
        public boolean isCurrentThread() {
            return lifecycleThread.isCurrentThread();
        }

        @Override
        public boolean ticks() {
            return ticking;
        }

        @Override
        public boolean inDeterministicSection() {
            return lifecycleThread.inDeterministicSection();
        }

        @Override
        public Optional<Version> gameVersion() {
            return lifecycleThread.gameVersion();
        }
    };
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final ResourceEvents events = new ResourceEvents(() -> Optional.of(recordingBus(posted)));
    private final TransitionLocks locks = new TransitionLocks();

    @AfterEach
    void stopThread() {
        lifecycleThread.close();
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
        }, id -> Optional.empty(), bundle -> Optional.empty());
        // the host fails it while it starts, and cannot stop it
        Bundle bundle = statefulBundle(state, failures::incrementAndGet);

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

    @Test
    void aStartWhoseHookAwaitsWaitsOffTheServerThreadAndIsAnnouncedOnceTheHookFinished() throws Exception {
        var hook = new Hook();
        var state = new AtomicInteger(Bundle.RESOLVED);
        var transitions = pending(hook);
        var starting = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var start = starting.submit(() -> {
                try (var lock = locks.acquire("welcome", "starting")) {
                    transitions.start("welcome", statefulBundle(state), TIMEOUT, lock);
                }
            });
            assertTrue(hook.registered.await(5, TimeUnit.SECONDS));

            // The server thread is free while the hook awaits: the tick that settles the hook runs on it.
            serverThread.submit(() -> hook.finished.complete(null)).get(5, TimeUnit.SECONDS);
            start.get(5, TimeUnit.SECONDS);
        } finally {
            starting.shutdownNow();
        }

        assertEquals(Bundle.ACTIVE, state.get());
        assertEquals(List.of("resource:started {resourceName=welcome}"), posted);
        assertEquals(0, hook.finishedHere.get(), "finished by the server thread's ticks, not by blocking it");
    }

    @Test
    void aHookThatFailsAfterAwaitingFailsTheStartWithItsMessageAndStopsTheBundle() {
        var hook = new Hook();
        var state = new AtomicInteger(Bundle.RESOLVED);
        var transitions = pending(hook);
        hook.onRegistered = () -> hook.finished.completeExceptionally(
                new IllegalStateException("welcome: main.js:4: onAttach failed: Error: no database"));

        var failed = assertThrows(ResourceException.class, () -> {
            try (var lock = locks.acquire("welcome", "starting")) {
                transitions.start("welcome", statefulBundle(state), TIMEOUT, lock);
            }
        });

        assertEquals("ERR_SCRIPT_EXECUTION: welcome: main.js:4: onAttach failed: Error: no database",
                failed.getMessage());
        assertEquals(Bundle.RESOLVED, state.get(), "stopped again");
        assertEquals(List.of(), posted);
    }

    @Test
    void aHookStillAwaitingWhenTheTimeoutEndsFailsTheStartAndStopsTheBundle() {
        var hook = new Hook();
        var state = new AtomicInteger(Bundle.RESOLVED);
        var transitions = pending(hook);

        var failed = assertThrows(ResourceException.class, () -> {
            try (var lock = locks.acquire("welcome", "starting")) {
                transitions.start("welcome", statefulBundle(state), Duration.ofMillis(300), lock);
            }
        });

        assertEquals(ResourceErrorCode.ERR_START_TIMEOUT, failed.code());
        assertEquals("ERR_START_TIMEOUT: welcome did not start within 0.3 s (its start hook was still awaiting)",
                failed.getMessage());
        assertEquals(Bundle.RESOLVED, state.get(), "stopped again");
        assertEquals(List.of(), posted);
    }

    @Test
    void aStartMadeOnTheServerThreadFinishesItsHookThere() throws Exception {
        var hook = new Hook();
        var state = new AtomicInteger(Bundle.RESOLVED);
        var transitions = pending(hook);

        serverThread.submit(() -> {
            try (var lock = locks.acquire("welcome", "starting")) {
                transitions.start("welcome", statefulBundle(state), TIMEOUT, lock);
            }
            return null;
        }).get(5, TimeUnit.SECONDS);

        assertEquals(1, hook.finishedHere.get());
        assertEquals(List.of("resource:started {resourceName=welcome}"), posted);
    }

    @Test
    void aStopWhoseHookAwaitsLetsTheServerThreadTickThenStopsTheBundle() throws Exception {
        var hook = new Hook();
        var state = new AtomicInteger(Bundle.ACTIVE);
        var transitions = detaching(hook);
        var stopping = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var stop = stopping.submit(() -> {
                try (var lock = locks.acquire("welcome", "stopping")) {
                    transitions.stop("welcome", statefulBundle(state), TIMEOUT, lock);
                }
            });
            assertTrue(hook.registered.await(5, TimeUnit.SECONDS));
            assertEquals(Bundle.ACTIVE, state.get(), "it runs while its stop hook awaits");

            serverThread.submit(() -> hook.finished.complete(null)).get(5, TimeUnit.SECONDS);
            stop.get(5, TimeUnit.SECONDS);
        } finally {
            stopping.shutdownNow();
        }

        assertEquals(Bundle.RESOLVED, state.get());
        assertEquals(List.of("resource:stopped {resourceName=welcome}"), posted);
        assertEquals(0, hook.finishedHere.get(), "finished by the server thread's ticks, not by blocking it");
    }

    @Test
    void aStopHookStillAwaitingWhenTheTimeoutEndsIsLeftAndTheBundleStopsAllTheSame() {
        var hook = new Hook();
        var state = new AtomicInteger(Bundle.ACTIVE);
        var transitions = detaching(hook);

        var failed = assertThrows(ResourceException.class, () -> {
            try (var lock = locks.acquire("welcome", "stopping")) {
                transitions.stop("welcome", statefulBundle(state), Duration.ofMillis(300), lock);
            }
        });

        assertEquals("ERR_STOP_TIMEOUT: welcome did not stop within 0.3 s (its stop hook was still awaiting; it was "
                + "stopped all the same)", failed.getMessage());
        assertEquals(Bundle.RESOLVED, state.get());
        assertEquals(List.of("resource:stopped {resourceName=welcome}"), posted);
    }

    @Test
    void aStopMadeOnTheServerThreadFinishesItsHookThere() throws Exception {
        var hook = new Hook();
        var state = new AtomicInteger(Bundle.ACTIVE);
        var transitions = detaching(hook);

        serverThread.submit(() -> {
            try (var lock = locks.acquire("welcome", "stopping")) {
                transitions.stop("welcome", statefulBundle(state), TIMEOUT, lock);
            }
            return null;
        }).get(5, TimeUnit.SECONDS);

        assertEquals(1, hook.finishedHere.get());
        assertEquals(Bundle.RESOLVED, state.get());
    }

    @Test
    void aHookAwaitedWhereNothingTicksIsFinishedOnTheLifecycleThread() {
        ticking = false;
        var hook = new Hook();
        var state = new AtomicInteger(Bundle.ACTIVE);
        var transitions = detaching(hook);

        try (var lock = locks.acquire("welcome", "stopping")) {
            transitions.stop("welcome", statefulBundle(state), TIMEOUT, lock);
        }

        assertEquals(1, hook.finishedHere.get(), "no tick would run what it awaits: the lifecycle thread runs it");
        assertEquals(Bundle.RESOLVED, state.get());
    }

    /** Transitions whose bundle's host gives the hook as awaiting when asked to run the stop hook. */
    private Transitions detaching(Hook hook) {
        return transitions(id -> Optional.empty(), id -> Optional.empty(), bundle -> {
            hook.registered.countDown();
            return Optional.of(hook);
        });
    }

    /** A host's hook that awaits: registered when the bundle starts (or given when it stops), finished by the test. */
    private static final class Hook implements PendingHook {
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        final CountDownLatch registered = new CountDownLatch(1);
        final AtomicInteger finishedHere = new AtomicInteger();
        Runnable onRegistered = () -> { };

        @Override
        public String resource() {
            return "welcome";
        }

        @Override
        public long bundleId() {
            return BUNDLE_ID;
        }

        @Override
        public CompletionStage<Void> finished() {
            return finished;
        }

        @Override
        public void finishHere() {
            finishedHere.incrementAndGet();
            finished.complete(null);
        }
    }

    /** Transitions whose bundle's host registers the hook as pending once the bundle is active, until it finishes. */
    private Transitions pending(Hook hook) {
        return transitions(id -> Optional.empty(), id -> {
            if (id != BUNDLE_ID || hook.finished.isDone()) {
                return Optional.empty();
            }
            hook.registered.countDown();
            hook.onRegistered.run();
            return Optional.of(hook);
        });
    }

    /** A bundle that is active once started and resolved once stopped. */
    private static Bundle statefulBundle(AtomicInteger state) {
        return statefulBundle(state, () -> { });
    }

    /** A bundle that is active once started (after {@code whileStarting} ran) and resolved once stopped. */
    private static Bundle statefulBundle(AtomicInteger state, Runnable whileStarting) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "start" -> {
                        whileStarting.run();
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
    }

    /** What the hosts registered: a message that is there before the start (an old failure) or not at all. */
    private Transitions transitions(LongFunction<Optional<String>> hostFailure) {
        return transitions(hostFailure, id -> Optional.empty());
    }

    /** As {@link #transitions(LongFunction)}, with the hosts' pending starts. */
    private Transitions transitions(LongFunction<Optional<String>> hostFailure,
            LongFunction<Optional<PendingHook>> pendingStarts) {
        return transitions(hostFailure, pendingStarts, bundle -> Optional.empty());
    }

    /** As {@link #transitions(LongFunction, LongFunction)}, with the hosts' stop hooks. */
    private Transitions transitions(LongFunction<Optional<String>> hostFailure,
            LongFunction<Optional<PendingHook>> pendingStarts, Function<Bundle, Optional<PendingHook>> stopHooks) {
        return new Transitions(() -> serverThread, events, new HostFailureLookup() {
            @Override
            public Optional<String> message(long bundleId) {
                return hostFailure.apply(bundleId);
            }

            @Override
            public long sequence(long bundleId) {
                return hostFailure.apply(bundleId).isPresent() ? 1 : 0;
            }
        }, pendingStarts, stopHooks);
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
