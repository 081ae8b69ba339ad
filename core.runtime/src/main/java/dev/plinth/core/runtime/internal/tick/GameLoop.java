package dev.plinth.core.runtime.internal.tick;

import dev.plinth.core.runtime.HostException;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.runtime.tick.TickObserver;
import dev.plinth.core.runtime.tick.TickStatistics;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The tick loop: one thread, {@code plinth-tick}, that runs 20 ticks a second (each runs the {@link TickPhase}s
 * added to it) and, between two ticks, the work other threads queue ({@link #execute}). It owns game state.
 *
 * <p>Paused, it runs queued work only; {@link #runTicks(int)} then advances the clock step by step. Ticks are
 * timed for {@link TickStatistics} and the {@link TickObserver}s as Paper times them for {@code /mspt}: a tick's time
 * is its phases and the queued work that ran since the tick before (a resource's restart, a shell command), which
 * delayed it just as much. An overrun is followed by the next tick at once, without catching up on the ticks it
 * missed ({@link TickPacer}).
 */
@Component(immediate = true, service = {GameThread.class, GameLoop.class})
public final class GameLoop implements GameThread {

    /** How long a caller waits for work it queued before giving up. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Logger logger;
    private final TickPacer pacer = TickPacer.TWENTY_TPS;
    private final TickRecorder recorder = new TickRecorder();
    private final BlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
    private volatile TickPhase[] phases = new TickPhase[0];
    private volatile TickObserver[] observers = new TickObserver[0];
    private volatile boolean paused;
    private volatile boolean running;
    private volatile long tick;
    private volatile Thread thread;
    private int deterministicDepth;
    private long nextTickAt;
    /** Game-thread time spent on queued work since the last tick, the clock running: part of the next tick's time. */
    private long workNanos;

    /**
     * Creates the loop; its thread starts when the component activates.
     *
     * @param settings whether the clock starts paused
     * @param logger where failures of queued work and phases go
     */
    @Activate
    public GameLoop(@Reference ServerSettings settings, @Reference(service = LoggerFactory.class) Logger logger) {
        this.logger = logger;
        this.paused = settings.config().game().startPaused();
    }

    /** Starts the game thread. */
    @Activate
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("plinth-tick").start(this::run);
    }

    /** Stops the game thread after the work it is running; queued work that did not run is rejected. */
    @Deactivate
    public void stop() {
        running = false;
        Thread gameThread = thread;
        if (gameThread == null || gameThread == Thread.currentThread()) {
            return;
        }
        mailbox.offer(() -> {});
        try {
            gameThread.join(STOP_GRACE);
            if (gameThread.isAlive()) {
                logger.error("the game thread did not stop within {} s; interrupting it", STOP_GRACE.toSeconds());
                gameThread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Adds a phase to every tick from the next one on. The components that own phases call this when they
     * activate (a whiteboard reference from here would make a service cycle: the phases need the game thread).
     *
     * @param phase the phase
     */
    public synchronized void addPhase(TickPhase phase) {
        var more = Arrays.copyOf(phases, phases.length + 1);
        more[phases.length] = phase;
        Arrays.sort(more, Comparator.comparingInt(TickPhase::order));
        phases = more;
    }

    /**
     * Removes a phase from the ticks to come.
     *
     * @param phase the phase
     */
    public synchronized void removePhase(TickPhase phase) {
        phases = Arrays.stream(phases).filter(p -> p != phase).toArray(TickPhase[]::new);
    }

    @Override
    public void execute(Runnable work) {
        if (!running) {
            throw new RejectedExecutionException("the game thread is stopped: the server is not running");
        }
        mailbox.add(work);
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        var job = new Job<>(work);
        try {
            execute(job);
        } catch (RejectedExecutionException e) {
            job.result.completeExceptionally(e);
        }
        return job.result;
    }

    /** Queued work whose caller waits for its result; rejected when the loop stops before running it. */
    private static final class Job<T> implements Runnable {
        final CompletableFuture<T> result = new CompletableFuture<>();
        private final Callable<T> work;

        Job(Callable<T> work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }

        void reject() {
            result.completeExceptionally(new RejectedExecutionException("the game thread stopped before running it"));
        }
    }

    /**
     * Runs work on the game thread and waits for it: inline when called on the game thread, else queued for the
     * next tick boundary.
     *
     * @param work the work
     * @return its result
     * @throws HostException when the server is not running or the work did not finish within {@link #WAIT}
     * @throws RuntimeException what the work threw
     */
    public <T> T call(Callable<T> work) {
        if (isGameThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new HostException(e.toString(), e);
            }
        }
        try {
            return submit(work).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new HostException(String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new HostException("ERR_TIMEOUT: the game thread did not run the work within " + WAIT.toSeconds()
                    + " s (a tick or a handler may be stuck)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("ERR_INTERRUPTED: interrupted while waiting for the game thread", e);
        }
    }

    @Override
    public boolean isGameThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public boolean inDeterministicSection() {
        return isGameThread() && deterministicDepth > 0;
    }

    /**
     * Marks the start of a deterministic section (a game event's dispatch). Game thread only; pair with
     * {@link #exitDeterministic()} in a {@code finally}.
     */
    public void enterDeterministic() {
        deterministicDepth++;
    }

    /** Marks the end of a deterministic section. Game thread only. */
    public void exitDeterministic() {
        deterministicDepth--;
    }

    /** {@return the number of the tick running now, or of the last one between two ticks} */
    @Override
    public long currentTick() {
        return tick;
    }

    @Override
    public TickStatistics statistics() {
        return recorder.snapshot(tick, paused, System.nanoTime());
    }

    /** {@return whether the clock is paused} */
    public boolean paused() {
        return paused;
    }

    /**
     * Pauses or restarts the clock. Thread-safe; takes effect before the next tick.
     *
     * @param paused {@code true} to pause
     */
    public void setPaused(boolean paused) {
        this.paused = paused;
        mailbox.offer(() -> {});
    }

    /**
     * Runs ticks now, one after the other. Game thread only, while paused.
     *
     * @param count how many
     * @return the number of the last tick
     * @throws IllegalStateException when the clock is running
     */
    public long runTicks(int count) {
        if (!paused) {
            throw new IllegalStateException("the clock is running: pause it first (sim:pause)");
        }
        for (int i = 0; i < count; i++) {
            runTick();
        }
        return tick;
    }

    private void run() {
        nextTickAt = System.nanoTime();
        while (running) {
            try {
                long now = System.nanoTime();
                if (!paused && now - nextTickAt >= 0) {
                    runTick();
                    nextTickAt = pacer.next(nextTickAt, System.nanoTime());
                    continue;
                }
                long wait = paused ? IDLE_WAIT_NANOS : nextTickAt - now;
                Runnable work = mailbox.poll(wait, TimeUnit.NANOSECONDS);
                if (work != null) {
                    runWork(work);
                }
                if (paused) {
                    nextTickAt = System.nanoTime(); // resuming starts a fresh schedule
                    workNanos = 0;
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
        }
        for (Runnable left = mailbox.poll(); left != null; left = mailbox.poll()) {
            if (left instanceof Job<?> job) {
                job.reject();
            }
        }
    }

    private void runTick() {
        long start = System.nanoTime();
        long queued = workNanos;
        workNanos = 0;
        long number = tick + 1;
        tick = number;
        deterministicDepth++;
        try {
            for (TickPhase phase : phases) {
                try {
                    phase.tick(number);
                } catch (RuntimeException | Error e) {
                    logger.error("tick {}: {} failed", number, phase.getClass().getSimpleName(), e);
                }
            }
        } finally {
            deterministicDepth--;
            long duration = System.nanoTime() - start + queued;
            recorder.record(start, duration);
            tellObservers(number, duration);
        }
    }

    private void tellObservers(long number, long duration) {
        for (TickObserver observer : observers) {
            try {
                observer.tickEnded(number, duration);
            } catch (RuntimeException e) {
                logger.error("tick {}: the tick observer {} failed", number, observer.getClass().getName(), e);
            }
        }
    }

    /**
     * A tick observer is registered: told from the next tick on.
     *
     * @param observer the observer
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addObserver(TickObserver observer) {
        var more = Arrays.copyOf(observers, observers.length + 1);
        more[observers.length] = observer;
        observers = more;
    }

    synchronized void removeObserver(TickObserver observer) {
        observers = Arrays.stream(observers).filter(o -> o != observer).toArray(TickObserver[]::new);
    }

    private void runWork(Runnable work) {
        long begin = System.nanoTime();
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            logger.error("work queued for the game thread failed", e);
        }
        if (!paused) { // stepped ticks (sim:tick) run inside queued work, paused: they time themselves
            workNanos += System.nanoTime() - begin;
        }
    }
}
