package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.runtime.host.HostFailure;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The {@link HostFailure} services the language hosts register, by resource bundle: the lifecycle reads the one of
 * a bundle whose host stopped it while it started, and is told of every new one, so that a resource its host stops
 * later moves to {@code error} too.
 *
 * <p>Thread-safe. The tracker calls back synchronously on the thread that registers or unregisters a failure: the
 * server thread while a bundle starts, a host's own thread for a resource it stops later.
 */
final class HostFailures implements ServiceTrackerCustomizer<HostFailure, HostFailure>, AutoCloseable,
        HostFailureLookup {

    /** A failure and its place in the order of registrations. */
    private record Registered(HostFailure failure, long sequence) {}

    private final BundleContext context;
    private final Consumer<HostFailure> registered;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Long, Registered> byBundle = new ConcurrentHashMap<>();
    private final ServiceTracker<HostFailure, HostFailure> tracker;

    /**
     * Creates the tracker; {@link #open()} starts tracking.
     *
     * @param context the core.resource bundle's context
     * @param registered told of every failure registered, on the registering thread
     */
    HostFailures(BundleContext context, Consumer<HostFailure> registered) {
        this.context = context;
        this.registered = registered;
        this.tracker = new ServiceTracker<>(context, HostFailure.class, this);
    }

    void open() {
        tracker.open();
    }

    @Override
    public Optional<String> message(long bundleId) {
        return Optional.ofNullable(byBundle.get(bundleId)).map(r -> r.failure().message());
    }

    @Override
    public long sequence(long bundleId) {
        Registered latest = byBundle.get(bundleId);
        return latest == null ? 0 : latest.sequence();
    }

    @Override
    public @Nullable HostFailure addingService(ServiceReference<HostFailure> reference) {
        HostFailure failure = context.getService(reference);
        if (failure == null) {
            return null;
        }
        byBundle.put(failure.bundleId(), new Registered(failure, sequence.incrementAndGet()));
        registered.accept(failure);
        return failure;
    }

    @Override
    public void modifiedService(ServiceReference<HostFailure> reference, HostFailure failure) {
        // The failure itself is immutable; its properties are for other readers.
    }

    @Override
    public void removedService(ServiceReference<HostFailure> reference, HostFailure failure) {
        // By identity: a host replaces a failure by registering the new one before it withdraws the old one, and the
        // two may be equal records (the same script failing twice the same way).
        byBundle.computeIfPresent(failure.bundleId(), (id, current) -> current.failure() == failure ? null : current);
        context.ungetService(reference);
    }

    @Override
    public void close() {
        tracker.close();
    }
}
