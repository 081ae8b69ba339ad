package dev.plinth.core.resource.internal.reload;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns the watcher's stream of changes into one sync per burst: each change waits out the debounce delay, and a
 * change within it starts the wait again, so an editor's save (write, rename, delete of a backup) or a compiler
 * writing ten files is acted upon once, when the files have stopped moving. A burst that never stops is acted upon
 * after {@value #LONGEST_BURST_MS} ms all the same (the deployer's own stability check still waits for files that
 * keep changing).
 *
 * <p>Thread-safe: changes arrive on the watcher's thread; the sync runs on the deployer's executor.
 */
public final class ChangeBursts implements SourceWatcher.Listener {

    /** What the set a sync is told holds when everything should be scanned as settled. */
    public static final String EVERYTHING = "*";
    /** The longest a burst is waited out before its changes are acted upon. */
    public static final long LONGEST_BURST_MS = 2000;

    private final ScheduledExecutorService executor;
    private final Supplier<Duration> debounce;
    private final Consumer<Set<String>> sync;
    private final Set<String> pending = new HashSet<>();
    private boolean everything;
    private long burstStart;
    private ScheduledFuture<?> scheduled;

    /**
     * Creates the bursts.
     *
     * @param executor the deployer's executor, where the sync runs
     * @param debounce how long files must stay the same ({@code HotReloadDebounceMs}), read at each change
     * @param sync told the sources that changed and settled (all of them, when the set holds {@code "*"})
     */
    public ChangeBursts(ScheduledExecutorService executor, Supplier<Duration> debounce, Consumer<Set<String>> sync) {
        this.executor = executor;
        this.debounce = debounce;
        this.sync = sync;
    }

    @Override
    public synchronized void changed(Optional<String> source) {
        source.ifPresentOrElse(pending::add, () -> everything = true);
        long now = System.nanoTime();
        if (scheduled != null && !scheduled.isDone()) {
            if (TimeUnit.NANOSECONDS.toMillis(now - burstStart) >= LONGEST_BURST_MS) {
                return; // a burst that goes on: the sync already planned takes what came so far
            }
            if (!scheduled.cancel(false)) {
                burstStart = now; // running now: another sync follows it for what it missed
            }
        } else {
            burstStart = now;
        }
        try {
            scheduled = executor.schedule(this::flush, debounce.get().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the deployer stopped
        }
    }

    private void flush() {
        Set<String> settled;
        synchronized (this) {
            settled = everything ? Set.of(EVERYTHING) : Set.copyOf(pending);
            pending.clear();
            everything = false;
        }
        sync.accept(settled);
    }
}
