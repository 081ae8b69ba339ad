package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.BundleFactory;
import dev.plinth.core.resource.internal.reload.ContextReplay;
import dev.plinth.core.resource.internal.reload.ReloadFeedback;
import dev.plinth.core.resource.internal.runtime.ServerThread;
import dev.plinth.core.resource.internal.settings.ResourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.osgi.service.log.Logger;

/**
 * Hot reloads of started resources: what a {@code resource:restart}, an in-game {@code /reload} and a watched folder's
 * change do. Off the game thread, on the caller's: the new content is built and every language host compiles it
 * ({@link ReloadParticipants#prepare}); code that does not compile stops the reload there, and the running version
 * keeps serving. Then the swap ({@link Swap}) runs on the server thread as one piece of work between two ticks, and
 * the console, the operators in game and the bus are told how it went ({@link ReloadFeedback}).
 *
 * <p>Thread-safe; the reload holds the locks of the resource and of its started dependents throughout.
 */
final class Reloads {

    private final Lifecycle lifecycle;
    private final TransitionLocks locks;
    private final BundleFactory factory;
    private final BundleUpdates updates;
    private final ReloadParticipants participants;
    private final ContextReplay replay;
    private final ReloadFeedback feedback;
    private final Supplier<ServerThread> serverThread;
    private final Supplier<ResourceSettings> settings;
    private final Logger log;

    Reloads(Lifecycle lifecycle, TransitionLocks locks, BundleFactory factory, BundleUpdates updates,
            ReloadParticipants participants, ContextReplay replay, ReloadFeedback feedback,
            Supplier<ServerThread> serverThread, Supplier<ResourceSettings> settings, Logger log) {
        this.lifecycle = lifecycle;
        this.locks = locks;
        this.factory = factory;
        this.updates = updates;
        this.participants = participants;
        this.replay = replay;
        this.feedback = feedback;
        this.serverThread = serverThread;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Reloads a started resource with the content of its source now.
     *
     * @param previous the running deployment
     * @param lock its lock, held by the caller
     * @return what was stopped and started
     * @throws ResourceException ERR_RESTART_ROLLBACK_APPLIED (the previous version serves), ERR_INVALID_MANIFEST,
     *     ERR_INVALID_NAME, ERR_RESOURCE_LOCKED (a dependent is mid-transition), ERR_START_TIMEOUT,
     *     ERR_RESTART_ROLLBACK_FAILED, or why the same content failed to start again
     */
    LifecycleResult reload(Deployment previous, TransitionLocks.Lock lock) {
        String name = previous.name();
        long begin = System.nanoTime();
        feedback.started(name);
        Optional<BundleFactory.Built> next = Optional.empty();
        var dependentLocks = new ArrayList<TransitionLocks.Lock>();
        try {
            next = prepare(previous);
            var dependents = new ArrayList<Swap.Part>();
            for (Deployment dependent : lifecycle.startedDependents(name)) {
                var dependentLock = locks.acquire(dependent.name(), "reloading with " + name);
                dependentLocks.add(dependentLock);
                dependents.add(new Swap.Part(dependent, dependentLock));
            }
            var swap = new Swap(lifecycle, updates, participants, replay, log, settings.get().maxStateBytes(),
                    new Swap.Part(previous, lock), next, dependents);
            Swap.Outcome outcome = onServerThread(name, swap, lock, dependentLocks);
            if (next.isPresent()) {
                factory.discard(previous.bundleFile());
            }
            lifecycle.postRestarted(name);
            List<String> dependentNames = dependents.stream().map(p -> p.deployment().name()).toList();
            List<String> stopped = new ArrayList<>(dependentNames);
            stopped.add(name);
            String version = outcome.current().descriptor().version().toString();
            feedback.completed(name, version, millis(System.nanoTime() - begin), outcome.times(), dependentNames);
            return new LifecycleResult(name, ResourceState.STARTED, outcome.started(), stopped, "restarted " + name
                    + (next.isPresent() ? " " + version + " with its new content" : "")
                    + (dependentNames.isEmpty() ? "" : " (and its dependents: " + String.join(", ", dependentNames) + ")"));
        } catch (ResourceException e) {
            next.filter(n -> lifecycle.deployment(name).map(d -> !d.bundleFile().equals(n.file())).orElse(true))
                    .ifPresent(n -> factory.discard(n.file()));
            feedback.failed(name, reason(name, e), e.code() != ResourceErrorCode.ERR_RESTART_ROLLBACK_FAILED
                    && lifecycle.deployment(name).map(lifecycle::isActive).orElse(false));
            throw e;
        } finally {
            dependentLocks.forEach(TransitionLocks.Lock::close);
        }
    }

    /** Builds the new content, when there is one, and lets the hosts compile it; a refusal keeps the old running. */
    private Optional<BundleFactory.Built> prepare(Deployment previous) {
        if (!updates.changed(previous)) {
            return Optional.empty();
        }
        BundleFactory.Built built = factory.build(previous.source());
        try {
            updates.checkName(previous, built);
            Optional<ResourceDescriptor> descriptor = built.descriptor();
            if (descriptor.isPresent()) {
                participants.prepare(descriptor.get(), built.file());
            }
            return Optional.of(built);
        } catch (ResourceException e) {
            factory.discard(built.file());
            if (e.code() != ResourceErrorCode.ERR_SCRIPT_EXECUTION) {
                throw e;
            }
            String name = previous.name();
            throw new ResourceException(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, name, name
                    + ": the new content does not compile (" + e.detail() + "); the previous content (version "
                    + previous.descriptor().version() + ") keeps running", e);
        } catch (RuntimeException e) {
            factory.discard(built.file());
            throw e;
        }
    }

    /** Runs the swap on the server thread (inline when called there), within the restart timeout. */
    private Swap.Outcome onServerThread(String name, Swap swap, TransitionLocks.Lock lock,
            List<TransitionLocks.Lock> dependentLocks) {
        ServerThread thread = serverThread.get();
        if (thread.isCurrentThread()) {
            return swap.run();
        }
        CompletableFuture<Swap.Outcome> work = thread.submit(swap::run);
        var timeout = settings.get().timeouts().restartTimeout();
        try {
            return work.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lock.holdUntil(work);
            dependentLocks.forEach(l -> l.holdUntil(work));
            throw new ResourceException(ResourceErrorCode.ERR_START_TIMEOUT, name, name + " did not reload within "
                    + Transitions.seconds(timeout) + " (it stays locked until it is done)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResourceException failure) {
                throw failure;
            }
            throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name, name + " failed to reload: "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name,
                    name + ": interrupted while waiting for its reload");
        }
    }

    /**
     * What an operator reads: the innermost failure that speaks of the resource ({@code chat: main.lua:12: ...}), which
     * names the file and the line when a host reported one.
     */
    private static String reason(String name, ResourceException e) {
        String reason = Swap.message(e);
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = Swap.message(cause);
            if (message.startsWith(name + ":")) {
                reason = message;
            }
        }
        return reason;
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
