package dev.plinth.core.resource.internal.lifecycle;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Who prepares a bundle's content for its start: the start itself, or a thread that prepared it ahead (the boot's
 * preparer). The first thread to come to a content runs its preparation; a thread that comes while it runs waits for
 * it; a start that comes after it ended finds it done. A start uses up its content's claim (the next start prepares
 * again); a claim made ahead stays until its start comes or it is {@linkplain #forgetAhead() forgotten}. Between
 * {@link #beginAhead} and {@link #forgetAhead}, a thread that comes ahead to a content a start prepared already does
 * nothing.
 *
 * <p>Thread-safe.
 */
final class PreparationClaims {

    /**
     * One preparation of a bundle's content.
     *
     * @param modified the bundle's last modification when it was claimed: a bundle updated since needs another
     * @param work the preparation, run once by whichever thread comes to it first
     */
    private record Claim(long modified, FutureTask<Void> work) {}

    private final Map<Long, Claim> claims = new ConcurrentHashMap<>();
    /**
     * The content each bundle's start prepared since a thread began to prepare ahead: a thread that comes to it ahead
     * comes too late.
     */
    private final Map<Long, Long> started = new ConcurrentHashMap<>();
    private volatile boolean preparingAhead;

    /**
     * Prepares a bundle's content for its start, unless a thread prepared it ahead: then waits for that preparation
     * to end, or runs it now when it has not begun. The claim is used up either way.
     *
     * @param bundleId the bundle
     * @param modified its last modification
     * @param work the preparation
     * @throws RuntimeException what the preparation threw (an {@link Error} is thrown as it is)
     */
    void forStart(long bundleId, long modified, Runnable work) {
        Claim claim = claim(bundleId, modified, work);
        try {
            run(claim, work);
        } finally {
            if (preparingAhead) {
                started.put(bundleId, modified);
            }
            claims.remove(bundleId, claim);
        }
    }

    /**
     * Prepares a bundle's content ahead of its start, on the calling thread; nothing when another thread prepares it
     * or prepared it already, or when a start prepared it already.
     *
     * @param bundleId the bundle
     * @param modified its last modification
     * @param work the preparation
     * @throws RuntimeException what the preparation threw (an {@link Error} is thrown as it is)
     */
    void ahead(long bundleId, long modified, Runnable work) {
        if (!Long.valueOf(modified).equals(started.get(bundleId))) {
            run(claim(bundleId, modified, work), work);
        }
    }

    /** Begins a time of preparing ahead: from now on, until {@link #forgetAhead}, what the starts prepared is noted. */
    void beginAhead() {
        preparingAhead = true;
    }

    /**
     * Forgets the claims made ahead that are done or not begun (a start that comes for one prepares itself), and the
     * contents the starts prepared.
     */
    void forgetAhead() {
        preparingAhead = false;
        claims.values().removeIf(claim -> claim.work().isDone() || claim.work().cancel(false));
        started.clear();
    }

    /** {@return how many claims are held} */
    int size() {
        return claims.size();
    }

    private Claim claim(long bundleId, long modified, Runnable work) {
        return claims.compute(bundleId, (id, known) -> known != null && known.modified() == modified
                ? known : new Claim(modified, new FutureTask<>(work, null)));
    }

    private static void run(Claim claim, Runnable work) {
        claim.work().run(); // returns at once when another thread runs it or ran it
        try {
            claim.work().get();
        } catch (CancellationException e) {
            work.run(); // forgotten before it began
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error failure -> throw failure;
                default -> throw new IllegalStateException("a preparation failed", e.getCause());
            }
        }
    }
}
