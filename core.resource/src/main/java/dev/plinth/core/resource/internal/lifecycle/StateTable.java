package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * The lifecycle state of every deployed resource and how often each state was entered. The framework's bundle
 * events drive the active states; the resource manager adds what the framework does not know: deployed (loaded),
 * failed (error), whether a resource ever ran (stopped rather than loaded), the startup resources whose start
 * waits until the shell is ready and the active ones whose start hook still awaits (both starting).
 *
 * <p>Thread-safe; {@link #bundleChanged} is called synchronously by the framework on the thread that changes the
 * bundle, and does no more than update counters.
 */
final class StateTable implements SynchronousBundleListener {

    /**
     * What the framework does not say about a resource bundle.
     *
     * @param ran whether it ever started
     * @param error its last failure
     * @param failing whether its host failed it while it runs: it is in error while its bundle is still active
     */
    private record Marks(boolean ran, Optional<String> error, boolean failing) {
        Marks(boolean ran, Optional<String> error) {
            this(ran, error, false);
        }
    }

    private final LongFunction<Optional<String>> resourceName;
    private final Map<Long, Marks> marks = new ConcurrentHashMap<>();
    private final AtomicLongArray transitions = new AtomicLongArray(ResourceState.values().length);
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong rollbacks = new AtomicLong();
    /** The bundles of the startup resources whose start waits until the shell is ready ({@link DeferredStarts}). */
    private final Set<Long> deferred = ConcurrentHashMap.newKeySet();
    /** The active bundles whose host's start hook still awaits ({@link PendingStarts}). */
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    /**
     * Creates the table.
     *
     * @param resourceName the resource a bundle id belongs to, empty for bundles that are not deployed resources
     */
    StateTable(LongFunction<Optional<String>> resourceName) {
        this.resourceName = resourceName;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (resourceName.apply(id).isEmpty()) {
            return;
        }
        switch (event.getType()) {
            case BundleEvent.STARTING -> count(ResourceState.STARTING);
            case BundleEvent.STARTED -> {
                marks.computeIfPresent(id, (key, m) -> new Marks(true, Optional.empty()));
                count(ResourceState.STARTED);
            }
            case BundleEvent.STOPPING -> count(ResourceState.STOPPING);
            case BundleEvent.STOPPED -> count(ResourceState.STOPPED);
            default -> { } // installed, resolved, updated: the manager reports what matters of these
        }
    }

    /** A resource bundle was installed (or installed again with new content). */
    void loaded(long bundleId) {
        marks.put(bundleId, new Marks(false, Optional.empty()));
        count(ResourceState.LOADED);
    }

    /** A resource's last transition failed. */
    void failed(long bundleId, String error) {
        marks.compute(bundleId, (key, m) -> new Marks(m != null && m.ran(), Optional.of(error)));
        count(ResourceState.ERROR);
    }

    /** A running resource's host failed it: in error from now on, though its bundle is stopped a moment later. */
    void hostFailed(long bundleId, String error) {
        marks.compute(bundleId, (key, m) -> new Marks(m != null && m.ran(), Optional.of(error), true));
        count(ResourceState.ERROR);
    }

    /** A source could not be deployed: it is in error without a bundle. */
    void deploymentFailed() {
        count(ResourceState.ERROR);
    }

    /** A stop that went through clears the error of the transition before it. */
    void cleared(long bundleId) {
        marks.computeIfPresent(bundleId, (key, m) -> new Marks(m.ran(), Optional.empty()));
    }

    /**
     * A startup resource's start waits until the shell is ready, or no longer does: it is {@code starting} until its
     * bundle starts (or its start fails) and this is undone.
     */
    void deferred(long bundleId, boolean waiting) {
        if (waiting) {
            deferred.add(bundleId);
        } else {
            deferred.remove(bundleId);
        }
    }

    /**
     * A resource bundle's start hook awaits, or no longer does: it is {@code starting} while its bundle is active until
     * this is undone ({@link PendingStarts}).
     */
    void pending(long bundleId, boolean awaiting) {
        if (awaiting) {
            pending.add(bundleId);
        } else {
            pending.remove(bundleId);
        }
    }

    /** The bundle is gone. */
    void forget(long bundleId) {
        marks.remove(bundleId);
        deferred.remove(bundleId);
        pending.remove(bundleId);
    }

    /**
     * The state of a resource bundle. A bundle still active whose host failed it (it broke its limits) is in error
     * already: its host is about to stop it.
     */
    ResourceState state(Bundle bundle) {
        Marks m = marks.get(bundle.getBundleId());
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> m != null && m.failing() ? ResourceState.ERROR
                    : pending.contains(bundle.getBundleId()) ? ResourceState.STARTING : ResourceState.STARTED;
            case Bundle.STARTING -> ResourceState.STARTING;
            case Bundle.STOPPING -> ResourceState.STOPPING;
            case Bundle.UNINSTALLED -> ResourceState.UNKNOWN;
            default -> deferred.contains(bundle.getBundleId()) ? ResourceState.STARTING
                    : m == null ? ResourceState.LOADED
                    : m.error().isPresent() ? ResourceState.ERROR
                    : m.ran() ? ResourceState.STOPPED : ResourceState.LOADED;
        };
    }

    /** The error of a resource's last failed transition. */
    Optional<String> lastError(long bundleId) {
        Marks m = marks.get(bundleId);
        return m == null ? Optional.empty() : m.error();
    }

    /** How often each state was entered. */
    Map<ResourceState, Long> transitions() {
        var counts = new EnumMap<ResourceState, Long>(ResourceState.class);
        for (ResourceState state : ResourceState.values()) {
            counts.put(state, transitions.get(state.ordinal()));
        }
        return counts;
    }

    /** A restart succeeded. */
    void restarted() {
        restarts.incrementAndGet();
    }

    /** A restart put the previous content back. */
    void rolledBack() {
        rollbacks.incrementAndGet();
    }

    long restarts() {
        return restarts.get();
    }

    long rollbacks() {
        return rollbacks.get();
    }

    private void count(ResourceState state) {
        transitions.incrementAndGet(state.ordinal());
    }
}
