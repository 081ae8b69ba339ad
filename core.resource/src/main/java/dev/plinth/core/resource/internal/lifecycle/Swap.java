package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.deploy.BundleFactory;
import dev.plinth.core.resource.internal.reload.ContextReplay;
import dev.plinth.core.resource.internal.reload.SwapTimes;
import dev.plinth.core.runtime.reload.ReloadHooks;
import dev.plinth.core.runtime.reload.ReloadState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.service.log.Logger;

/**
 * One hot swap, the part of a reload that runs on the server thread as a single piece of work between two ticks, so
 * that every game event is handled either by the old version (before) or by the new one (after), never by neither
 * and never by both: the running versions hand their state over ({@link ReloadHooks#saveState}), the dependents and
 * then the resource stop, the bundle is updated and refreshed with the content built and compiled beforehand, the
 * resource starts, gets its state back and {@code onReload}, and the players online are replayed to it; then each
 * dependent starts again, gets its own state back and {@code onDependencyReload}, and is replayed to.
 *
 * <p>When the new version fails (its start, its state restore or its {@code onReload}), or a dependent cannot start
 * with it, the previous content is put back and started in the same piece of work, with its state and the replay,
 * and the dependents after it: the reload fails with {@code ERR_RESTART_ROLLBACK_APPLIED}. A state that cannot be
 * saved (too large, not JSON-like, a failing hook) refuses the reload before anything stops.
 *
 * <p>Runs on the server thread only; one instance per reload.
 */
final class Swap {

    /** A resource taking part, with its lock held by the reload. */
    record Part(Deployment deployment, TransitionLocks.Lock lock) {}

    /**
     * What the swap did.
     *
     * @param current the resource's deployment now
     * @param started the resources started, in order
     * @param times how long the server thread was held, phase by phase
     */
    record Outcome(Deployment current, List<String> started, SwapTimes times) {}

    private final Lifecycle lifecycle;
    private final BundleUpdates updates;
    private final ReloadParticipants participants;
    private final ContextReplay replay;
    private final Logger log;
    private final int maxStateBytes;
    private final Part subject;
    private final Optional<BundleFactory.Built> next;
    private final List<Part> dependents;

    /**
     * Describes a swap.
     *
     * @param subject the resource reloaded
     * @param next its new content, built and prepared; empty to start the same content again
     * @param dependents its started dependents, in stop order
     */
    Swap(Lifecycle lifecycle, BundleUpdates updates, ReloadParticipants participants, ContextReplay replay,
            Logger log, int maxStateBytes, Part subject, Optional<BundleFactory.Built> next, List<Part> dependents) {
        this.lifecycle = lifecycle;
        this.updates = updates;
        this.participants = participants;
        this.replay = replay;
        this.log = log;
        this.maxStateBytes = maxStateBytes;
        this.subject = subject;
        this.next = next;
        this.dependents = dependents;
    }

    /**
     * Runs the swap.
     *
     * @return what it did
     * @throws ResourceException ERR_RESTART_ROLLBACK_APPLIED (the previous version serves again, or was never
     *     stopped), ERR_RESTART_ROLLBACK_FAILED, or the failure of starting the same content again
     */
    Outcome run() {
        long begin = System.nanoTime();
        Map<String, Optional<ReloadState>> saved = saveAll();
        long savedAt = System.nanoTime();
        for (Part dependent : dependents) {
            stop(dependent);
        }
        stop(subject);
        long stoppedAt = System.nanoTime();
        Deployment previous = subject.deployment();
        Deployment current = previous;
        var started = new ArrayList<String>();
        try {
            if (next.isPresent()) {
                current = updates.apply(previous, next.get());
            }
            long updatedAt = System.nanoTime();
            started.addAll(lifecycle.startChain(current, subject.lock()));
            long startedAt = System.nanoTime();
            handOver(current, saved.getOrDefault(current.name(), Optional.empty()), null);
            long handedOverAt = System.nanoTime();
            for (Part dependent : dependents.reversed()) {
                started.addAll(lifecycle.startChain(dependent.deployment(), dependent.lock()));
                handOverQuietly(dependent.deployment(),
                        saved.getOrDefault(dependent.deployment().name(), Optional.empty()), previous.name());
            }
            return new Outcome(current, started, new SwapTimes(savedAt - begin, stoppedAt - savedAt,
                    updatedAt - stoppedAt, startedAt - updatedAt, handedOverAt - startedAt,
                    System.nanoTime() - handedOverAt));
        } catch (RuntimeException failure) {
            if (next.isEmpty()) {
                throw failure; // the same content fails again: nothing to put back
            }
            throw rollback(previous, current, saved, failure);
        }
    }

    /** Saves every participant's state; refuses the reload, before anything stops, when one cannot be saved. */
    private Map<String, Optional<ReloadState>> saveAll() {
        var saved = new HashMap<String, Optional<ReloadState>>();
        for (Part part : parts()) {
            String name = part.deployment().name();
            Optional<ReloadHooks> hooks = participants.of(lifecycle.bundle(part.deployment()));
            try {
                saved.put(name, hooks.isEmpty() ? Optional.empty() : hooks.get().saveState(maxStateBytes));
            } catch (RuntimeException e) {
                throw new ResourceException(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, subject.deployment().name(),
                        subject.deployment().name() + ": the state of " + name + " could not be saved (" + message(e)
                                + "); nothing was stopped, the previous version keeps running", e);
            }
        }
        return saved;
    }

    private List<Part> parts() {
        var parts = new ArrayList<>(dependents);
        parts.add(subject);
        return parts;
    }

    private void stop(Part part) {
        lifecycle.stopOne(part.deployment(), part.lock(), lifecycle.stopTimeout());
    }

    /** Restores a started resource's state, calls its hook, replays the players to it; failures propagate. */
    private void handOver(Deployment deployment, Optional<ReloadState> state, @Nullable String dependency) {
        Bundle bundle = lifecycle.bundle(deployment);
        Optional<ReloadHooks> hooks = participants.of(bundle);
        if (hooks.isPresent()) {
            state.ifPresent(hooks.get()::restoreState);
            if (dependency == null) {
                hooks.get().onReload();
            } else {
                hooks.get().onDependencyReload(dependency);
            }
        }
        replay.replay(bundle);
    }

    /** As {@link #handOver}, for a dependent: its own failure is its own, logged, and the reload goes on. */
    private void handOverQuietly(Deployment deployment, Optional<ReloadState> state, String dependency) {
        try {
            handOver(deployment, state, dependency);
        } catch (RuntimeException e) {
            log.error("{}: restarted with {}, but handing its state over failed: {}", deployment.name(), dependency,
                    message(e));
        }
    }

    /** Puts the previous content back and starts it again with its state, then the dependents. */
    private ResourceException rollback(Deployment previous, Deployment failed, Map<String, Optional<ReloadState>> saved,
            RuntimeException failure) {
        String name = previous.name();
        log.warn("{}: the new content failed to start ({}); putting the previous content back", name, message(failure));
        lifecycle.rolledBack();
        try {
            for (Part dependent : dependents) {
                lifecycle.stopQuietly(dependent.deployment(), dependent.lock());
            }
            lifecycle.stopQuietly(failed, subject.lock());
            if (failed != previous) {
                updates.restore(failed, previous);
            }
            lifecycle.startChain(previous, subject.lock());
            handOverAgain(previous, saved);
            for (Part dependent : dependents.reversed()) {
                lifecycle.startChain(dependent.deployment(), dependent.lock());
                handOverAgain(dependent.deployment(), saved);
            }
            lifecycle.postStartError(name, failure.getMessage());
            return new ResourceException(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, name, name
                    + ": the new content failed to start (" + failure.getMessage() + "); the previous content (version "
                    + previous.descriptor().version() + ") was put back and started again", failure);
        } catch (RuntimeException rollbackFailure) {
            lifecycle.markFailed(name, rollbackFailure.getMessage());
            lifecycle.postStartError(name, failure.getMessage());
            return new ResourceException(ResourceErrorCode.ERR_RESTART_ROLLBACK_FAILED, name, name
                    + ": the new content failed to start (" + failure.getMessage()
                    + "), and putting the previous content back failed too (" + rollbackFailure.getMessage() + ")",
                    failure);
        }
    }

    /** The previous version running again gets its own state back and the replay, without a reload hook. */
    private void handOverAgain(Deployment deployment, Map<String, Optional<ReloadState>> saved) {
        Bundle bundle = lifecycle.bundle(deployment);
        try {
            Optional<ReloadState> state = saved.getOrDefault(deployment.name(), Optional.empty());
            participants.of(bundle).ifPresent(hooks -> state.ifPresent(hooks::restoreState));
        } catch (RuntimeException e) {
            log.error("{}: running its previous content again, but restoring its state failed: {}", deployment.name(),
                    message(e));
        }
        replay.replay(bundle);
    }

    /** A failure's message without the error code a resource exception puts in front. */
    static String message(Throwable failure) {
        if (failure instanceof ResourceException e) {
            return e.detail();
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
