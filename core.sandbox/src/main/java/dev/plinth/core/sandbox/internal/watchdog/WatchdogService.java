package dev.plinth.core.sandbox.internal.watchdog;

import dev.plinth.core.sandbox.watchdog.Interrupter;
import dev.plinth.core.sandbox.watchdog.Watch;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link Watchdog} service: the watches of every resource, looked at every {@value #PERIOD_MILLIS} ms by the
 * thread {@value #THREAD}. A watch is cheap to enter and leave; the thread does the rest.
 *
 * <p>Thread-safe. The thread starts in {@link #start()} and ends in {@link #stop()}, never in the constructor.
 */
@Component(service = Watchdog.class, immediate = true)
public final class WatchdogService implements Watchdog {

    /** The watchdog thread's name. */
    public static final String THREAD = "plinth-watchdog";
    static final int PERIOD_MILLIS = 5;

    private final List<WatchedCalls> watches = new CopyOnWriteArrayList<>();
    private final Consumer<String> failures;
    private volatile @Nullable Thread thread;

    /**
     * Creates the watchdog of the framework.
     *
     * @param loggers where an interrupter's failure is reported
     */
    @Activate
    public WatchdogService(@Reference LoggerFactory loggers) {
        Logger log = loggers.getLogger(WatchdogService.class);
        this.failures = message -> log.error("{}", message);
    }

    /**
     * Creates a watchdog outside a framework (tests, tools).
     *
     * @param failures told when an interrupter throws
     */
    public WatchdogService(Consumer<String> failures) {
        this.failures = failures;
    }

    /** Starts the watchdog thread. */
    @Activate
    public void start() {
        Thread started = Thread.ofPlatform().name(THREAD).daemon().unstarted(this::run);
        started.setPriority(Thread.MAX_PRIORITY);
        thread = started;
        started.start();
    }

    /** Stops the watchdog thread; watches stay usable but are no longer interrupted. */
    @Deactivate
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            LockSupport.unpark(running);
            try {
                running.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Watch watch(String resource, Interrupter interrupter) {
        var watch = new WatchedCalls(resource, interrupter, watches::remove, failures);
        watches.add(watch);
        return watch;
    }

    private void run() {
        long period = Duration.ofMillis(PERIOD_MILLIS).toNanos();
        while (thread == Thread.currentThread()) {
            long now = System.nanoTime();
            for (WatchedCalls watch : watches) {
                watch.check(now);
            }
            LockSupport.parkNanos(this, period);
        }
    }
}
