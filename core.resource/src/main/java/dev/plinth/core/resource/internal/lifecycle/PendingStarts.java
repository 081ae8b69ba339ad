package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.runtime.host.PendingHook;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The {@link PendingHook} services of the language hosts, by resource bundle: a start whose hook still awaits is
 * waited for off the game thread ({@link Transitions#start}), and its resource reads {@code starting} meanwhile.
 *
 * <p>Thread-safe. The tracker calls back synchronously on the thread that registers (the server thread, inside the
 * bundle's start) or unregisters (whichever thread finished the hook) a pending start.
 */
final class PendingStarts implements ServiceTrackerCustomizer<PendingHook, PendingHook>, AutoCloseable {

    private final BundleContext context;
    private final StateTable states;
    private final Map<Long, PendingHook> byBundle = new ConcurrentHashMap<>();
    private final ServiceTracker<PendingHook, PendingHook> tracker;

    /**
     * Creates the tracker; {@link #open()} starts tracking.
     *
     * @param context the core.resource bundle's context
     * @param states where a pending start makes its resource {@code starting}
     */
    PendingStarts(BundleContext context, StateTable states) {
        this.context = context;
        this.states = states;
        this.tracker = new ServiceTracker<>(context, PendingHook.class, this);
    }

    void open() {
        tracker.open();
    }

    /** The start of a bundle that its host has not finished, if any. */
    Optional<PendingHook> of(long bundleId) {
        return Optional.ofNullable(byBundle.get(bundleId));
    }

    @Override
    public @Nullable PendingHook addingService(ServiceReference<PendingHook> reference) {
        PendingHook start = context.getService(reference);
        if (start == null) {
            return null;
        }
        byBundle.put(start.bundleId(), start);
        states.pending(start.bundleId(), true);
        return start;
    }

    @Override
    public void modifiedService(ServiceReference<PendingHook> reference, PendingHook start) {
        // Nothing in its properties changes what it is.
    }

    @Override
    public void removedService(ServiceReference<PendingHook> reference, PendingHook start) {
        if (byBundle.remove(start.bundleId(), start)) {
            states.pending(start.bundleId(), false);
        }
        context.ungetService(reference);
    }

    @Override
    public void close() {
        tracker.close();
    }
}
