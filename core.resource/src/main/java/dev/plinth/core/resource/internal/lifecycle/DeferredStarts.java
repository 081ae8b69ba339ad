package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.progress.ProgressTask;
import dev.plinth.core.runtime.progress.ProgressUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.osgi.service.log.Logger;

/**
 * The startup resources whose start waits until the shell is ready, because starting them is long work for their
 * host (a large WebAssembly module or TypeScript to compile: {@link Lifecycle#longWork}). The boot defers them instead
 * of starting them, registers the condition the console waits for, then starts them here, in the order of
 * {@code StartupResources}, with progress in the console. Each one is {@code starting} from the moment it is deferred
 * until its start is done: then it is started, or in error with its start's failure, as if the boot had started it
 * at once. A lifecycle call on a resource whose deferred start has not happened yet waits for it first
 * ({@link #await}), so {@code resource:ensure} returns once the resource runs.
 *
 * <p>Thread-safe: the boot's thread defers and starts; any thread awaits.
 */
final class DeferredStarts {

    /** How long a lifecycle call waits for a deferred start before it fails. */
    static final Duration WAIT = Duration.ofSeconds(120);

    /**
     * A deferred start.
     *
     * @param bundleId the resource's bundle
     * @param work the long work its start needs
     * @param done completes once its start is done, however it ended
     */
    private record Pending(long bundleId, String work, CompletableFuture<Void> done) {}

    private final StateTable states;
    private final Logger log;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /**
     * Creates the (empty) list.
     *
     * @param states where a deferred resource is shown {@code starting}
     * @param log where each deferral and the end of each start is reported
     */
    DeferredStarts(StateTable states, Logger log) {
        this.states = states;
        this.log = log;
    }

    /**
     * Defers a startup resource's start: it is {@code starting} from now on.
     *
     * @param name the resource
     * @param bundleId its bundle
     * @param work the long work its start needs
     */
    synchronized void defer(String name, long bundleId, String work) {
        pending.put(name, new Pending(bundleId, work, new CompletableFuture<>()));
        states.deferred(bundleId, true);
        log.info("{}: starts once the shell is ready ({})", name, work);
    }

    /** {@return the resources whose start is deferred, in the order they were deferred} */
    synchronized List<String> names() {
        return List.copyOf(pending.keySet());
    }

    /**
     * Starts the deferred resources, in the order they were deferred, with a progress line in the console; each
     * start that fails leaves its resource in error (the start reports it) and the next ones start all the same.
     * Stops early, leaving the rest unstarted (and no longer {@code starting}), when the framework stops.
     *
     * @param start what starts one resource (the lifecycle's start, which prepares it and its dependencies)
     * @param stopping whether the framework is stopping
     * @param progress where the progress goes; null when there is no console
     * @return the resources that did not start: each with why
     */
    List<String> run(Consumer<String> start, BooleanSupplier stopping,
            @Nullable Progress progress) {
        List<String> names = names();
        var failed = new ArrayList<String>();
        if (names.isEmpty()) {
            return failed;
        }
        try (ProgressTask task = progress == null ? null : progress.begin("starting " + names.size()
                + " startup resource(s) that waited for the shell", names.size(), ProgressUnit.ITEMS)) {
            for (String name : names) {
                if (stopping.getAsBoolean()) {
                    break;
                }
                try {
                    start.accept(name);
                } catch (ResourceException e) {
                    failed.add(name + " (" + e.getMessage() + ")");
                } finally {
                    finished(name);
                }
                if (task != null) {
                    task.advance(1);
                }
            }
        } finally {
            abandon();
        }
        return failed;
    }

    /**
     * Waits until a resource's deferred start is done; returns at once for a resource whose start is not deferred.
     *
     * @param name the resource
     * @param timeout how long to wait
     * @throws ResourceException ERR_START_TIMEOUT when it is still waiting for its start after {@code timeout};
     *     ERR_RESOURCE_LOCKED when the waiting thread is interrupted
     */
    void await(String name, Duration timeout) {
        Pending waiting;
        synchronized (this) {
            waiting = pending.get(name);
        }
        if (waiting == null) {
            return;
        }
        try {
            waiting.done().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ResourceException(ResourceErrorCode.ERR_START_TIMEOUT, name, name + " is still starting after "
                    + timeout.toSeconds() + " s: its start waited for the shell (" + waiting.work() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException(ResourceErrorCode.ERR_RESOURCE_LOCKED, name, "interrupted while waiting for "
                    + name + " to start", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a deferred start's completion never fails", e);
        }
    }

    /** A deferred start is done: the resource's state is its bundle's again. */
    private void finished(String name) {
        Pending done;
        synchronized (this) {
            done = pending.remove(name);
        }
        if (done != null) {
            states.deferred(done.bundleId(), false);
            done.done().complete(null);
        }
    }

    /** Gives up the deferred starts not done (the framework is stopping): none is {@code starting} any more. */
    void abandon() {
        names().forEach(this::finished);
    }
}
