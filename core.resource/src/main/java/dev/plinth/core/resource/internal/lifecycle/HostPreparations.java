package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.runtime.host.HostPreparation;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The {@link HostPreparation} services of the language hosts: before a resource bundle starts, each one prepares it
 * (compiles its code) on the thread that asked for the start, or ahead of it on another thread ({@link #prepareAhead}:
 * the boot prepares the next startup resources while the game thread starts the one before). A bundle's content is
 * prepared once for its start ({@link PreparationClaims}). What a host throws is logged: it reports its failures when
 * the bundle starts.
 *
 * <p>Thread-safe.
 */
final class HostPreparations implements AutoCloseable {

    private final ServiceTracker<HostPreparation, HostPreparation> tracker;
    private final Logger log;
    private final PreparationClaims claims = new PreparationClaims();

    HostPreparations(BundleContext context, Logger log) {
        this.tracker = new ServiceTracker<>(context, HostPreparation.class, null);
        this.log = log;
    }

    void open() {
        tracker.open();
    }

    /**
     * Lets every host prepare a bundle's start, unless its content was prepared ahead: then waits for that preparation
     * to end (or makes it now, when it has not begun).
     */
    void prepare(String name, Bundle bundle) {
        claims.forStart(bundle.getBundleId(), bundle.getLastModified(), () -> prepareNow(name, bundle));
    }

    /**
     * Lets every host prepare a bundle's start ahead of it, on the calling thread, so that its start finds it
     * prepared; nothing when its content is being prepared or was prepared already.
     */
    void prepareAhead(String name, Bundle bundle) {
        claims.ahead(bundle.getBundleId(), bundle.getLastModified(), () -> prepareNow(name, bundle));
    }

    /** Begins preparing ahead ({@link #prepareAhead}), until {@link #forgetAhead}. */
    void beginAhead() {
        claims.beginAhead();
    }

    /** Forgets the preparations made ahead whose start did not come; the hosts keep what they prepared. */
    void forgetAhead() {
        claims.forgetAhead();
    }

    private void prepareNow(String name, Bundle bundle) {
        for (HostPreparation preparation : tracker.getTracked().values()) {
            try {
                preparation.prepare(bundle);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                log.error("{}: its host failed to prepare its start (it starts all the same): {}", name, e.toString());
            }
        }
    }

    /**
     * The long work a host would do to prepare a bundle ({@link HostPreparation#longWork}): the first host's that has
     * some; what a host throws is logged and counts as none.
     */
    Optional<String> longWork(String name, Bundle bundle) {
        for (HostPreparation preparation : tracker.getTracked().values()) {
            try {
                Optional<String> work = preparation.longWork(bundle);
                if (work.isPresent()) {
                    return work;
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                log.error("{}: its host failed to tell whether its start is long work: {}", name, e.toString());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        tracker.close();
    }
}
