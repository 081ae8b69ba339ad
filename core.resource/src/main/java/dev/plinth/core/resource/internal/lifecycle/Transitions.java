package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.runtime.ServerThread;
import dev.plinth.core.runtime.host.PendingHook;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Starts and stops one resource bundle on the server thread, at a tick boundary, within a timeout. A transition
 * that outlives its timeout keeps its resource locked until it is over. A bundle that is not active once
 * {@code Bundle.start} returns was stopped again by its language host: the start failed, with the host's message. A
 * bundle whose host registered a failure while it started but could not stop it (a Java plugin failing in its
 * activator, while the bundle is still starting) is stopped here: the start failed all the same.
 *
 * <p>A start whose host left a hook awaiting ({@link PendingHook}, an {@code async onAttach}) is waited for on the
 * calling thread within what is left of the timeout, the server thread ticking meanwhile; when the hook fails or
 * outlives the timeout, the bundle is stopped again. A stop first runs the bundle's stop hook through its host
 * ({@link dev.plinth.core.runtime.host.HostDetach}) and, when the hook awaits, waits for it the same way before it
 * stops the bundle.
 *
 * <p>Thread-safe.
 */
final class Transitions {

    private final Supplier<ServerThread> serverThread;
    private final ResourceEvents events;
    private final HostFailureLookup hostFailures;
    private final LongFunction<Optional<PendingHook>> pendingStarts;
    private final Function<Bundle, Optional<PendingHook>> stopHooks;

    /**
     * Creates the transitions.
     *
     * @param serverThread where transitions run
     * @param events where {@code resource:started} and {@code resource:stopped} are posted
     * @param hostFailures the failures the hosts registered, by bundle id
     * @param pendingStarts the start a host has not finished, by bundle id ({@link PendingStarts#of})
     * @param stopHooks runs a bundle's stop hook ahead of its stop, and gives it while it awaits
     *     ({@link StopHooks#detach})
     */
    Transitions(Supplier<ServerThread> serverThread, ResourceEvents events, HostFailureLookup hostFailures,
            LongFunction<Optional<PendingHook>> pendingStarts, Function<Bundle, Optional<PendingHook>> stopHooks) {
        this.serverThread = serverThread;
        this.events = events;
        this.hostFailures = hostFailures;
        this.pendingStarts = pendingStarts;
        this.stopHooks = stopHooks;
    }

    /**
     * Starts a bundle and posts {@code resource:started}.
     *
     * @throws ResourceException ERR_START_TIMEOUT, ERR_SCRIPT_EXECUTION (its activator failed, or its host failed
     *     it and stopped it again), or ERR_DEPENDENCY_MISSING (it does not resolve)
     */
    void start(String name, Bundle bundle, Duration timeout, TransitionLocks.Lock lock) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<PendingHook> pending = run(name, lock, timeout, ResourceErrorCode.ERR_START_TIMEOUT, "start", () -> {
            long failuresBefore = hostFailures.sequence(bundle.getBundleId());
            bundle.start(Bundle.START_TRANSIENT);
            if (bundle.getState() == Bundle.ACTIVE && hostFailures.sequence(bundle.getBundleId()) > failuresBefore) {
                bundle.stop(Bundle.STOP_TRANSIENT); // its host failed it while it started, and left the stop to us
            }
            requireActive(name, bundle);
            Optional<PendingHook> hook = pendingStarts.apply(bundle.getBundleId());
            if (hook.isEmpty()) {
                events.post(ResourceEvents.STARTED, name);
            }
            return hook;
        });
        if (pending.isPresent()) {
            finish(name, bundle, pending.get(), deadline, timeout, lock);
        }
    }

    /**
     * Waits for a start hook that awaits ({@link #await}), then posts {@code resource:started}, or stops the bundle.
     */
    private void finish(String name, Bundle bundle, PendingHook pending, long deadline, Duration timeout,
            TransitionLocks.Lock lock) {
        ResourceException failed = switch (await(pending, deadline)) {
            case null -> null;
            case TimeoutException _ -> new ResourceException(ResourceErrorCode.ERR_START_TIMEOUT, name,
                    name + " did not start within " + seconds(timeout) + " (its start hook was still awaiting)");
            case InterruptedException _ -> new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION,
                    name, name + ": interrupted while waiting for its start");
            case Throwable cause -> new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name,
                    Objects.requireNonNullElse(cause.getMessage(), name + " failed to start: " + cause), cause);
        };
        run(name, lock, timeout, ResourceErrorCode.ERR_START_TIMEOUT, "start", () -> {
            if (failed != null) {
                bundle.stop(Bundle.STOP_TRANSIENT);
                throw failed;
            }
            requireActive(name, bundle);
            events.post(ResourceEvents.STARTED, name);
            return null;
        });
    }

    /**
     * Waits for a hook that awaits: here when this is the server thread ({@link PendingHook#finishHere()}), else for
     * its completion while the server thread ticks (or, when it does not tick, finishes there).
     *
     * @return {@code null} when it finished; else why not: its failure, a {@link TimeoutException} at the deadline, or
     *     an {@link InterruptedException}
     */
    private @Nullable Throwable await(PendingHook hook, long deadline) {
        try {
            ServerThread thread = serverThread.get();
            if (thread.isCurrentThread()) {
                hook.finishHere();
            } else if (!thread.ticks()) {
                thread.submit(() -> {
                    hook.finishHere();
                    return null;
                });
            }
            hook.finished().toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (TimeoutException e) {
            return e;
        } catch (ExecutionException e) {
            return e.getCause() instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** Fails the start of a bundle its host stopped again, with the host's message. */
    private void requireActive(String name, Bundle bundle) {
        if (bundle.getState() != Bundle.ACTIVE) {
            throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name,
                    hostFailures.message(bundle.getBundleId()).orElse(name + " was stopped again while it started"));
        }
    }

    /**
     * Stops a bundle and posts {@code resource:stopped}.
     *
     * @throws ResourceException ERR_STOP_TIMEOUT (the stop took too long, its stop hook was still awaiting when the
     *     timeout ended, or its host had to interrupt its disable hook and says so with a failure registered while it
     *     stopped) or ERR_SCRIPT_EXECUTION (its activator failed); the bundle is stopped all the same
     */
    void stop(String name, Bundle bundle, Duration timeout, TransitionLocks.Lock lock) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<PendingHook> detaching = run(name, lock, timeout, ResourceErrorCode.ERR_STOP_TIMEOUT, "stop",
                () -> bundle.getState() == Bundle.ACTIVE ? stopHooks.apply(bundle) : Optional.empty());
        boolean late = detaching.map(hook -> await(hook, deadline) instanceof TimeoutException).orElse(false);
        run(name, lock, timeout, ResourceErrorCode.ERR_STOP_TIMEOUT, "stop", () -> {
            Optional<String> before = hostFailures.message(bundle.getBundleId());
            bundle.stop(Bundle.STOP_TRANSIENT);
            events.post(ResourceEvents.STOPPED, name);
            Optional<String> after = hostFailures.message(bundle.getBundleId());
            if (after.isPresent() && !after.equals(before)) {
                throw new ResourceException(ResourceErrorCode.ERR_STOP_TIMEOUT, name, after.get());
            }
            if (late) {
                throw new ResourceException(ResourceErrorCode.ERR_STOP_TIMEOUT, name, name + " did not stop within "
                        + seconds(timeout) + " (its stop hook was still awaiting; it was stopped all the same)");
            }
            return null;
        });
    }

    /**
     * Posts an event on the server thread after the work under way there (never inside it, even when called on the
     * server thread), without waiting for its handlers.
     */
    void postQueued(Runnable post) {
        serverThread.get().submit(() -> {
            post.run();
            return null;
        });
    }

    /** Posts an event on the server thread, without waiting for its handlers. */
    void postLater(Runnable post) {
        if (serverThread.get().isCurrentThread()) {
            post.run();
        } else {
            postQueued(post);
        }
    }

    private <T> T run(String name, TransitionLocks.Lock lock, Duration timeout, ResourceErrorCode timeoutCode,
            String verb, Callable<T> work) {
        ServerThread thread = serverThread.get();
        try {
            if (thread.isCurrentThread()) {
                return work.call();
            }
            CompletableFuture<T> transition = thread.submit(work);
            try {
                return transition.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                lock.holdUntil(transition);
                throw new ResourceException(timeoutCode, name, name + " did not " + verb + " within "
                        + seconds(timeout) + " (it stays locked until it is done)");
            } catch (ExecutionException e) {
                throw failure(name, verb, e.getCause());
            }
        } catch (ResourceException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name,
                    name + ": interrupted while waiting for its " + verb);
        } catch (Exception e) {
            throw failure(name, verb, e);
        }
    }

    private static ResourceException failure(String name, String verb, Throwable cause) {
        if (cause instanceof ResourceException resourceFailure) {
            return resourceFailure;
        }
        if (cause instanceof BundleException bundleFailure && bundleFailure.getType() == BundleException.RESOLVE_ERROR) {
            return new ResourceException(ResourceErrorCode.ERR_DEPENDENCY_MISSING, name,
                    name + " does not resolve: " + bundleFailure.getMessage(), cause);
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name,
                name + " failed to " + verb + ": " + root, cause);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
