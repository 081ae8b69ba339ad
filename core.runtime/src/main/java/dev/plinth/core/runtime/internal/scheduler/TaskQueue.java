package dev.plinth.core.runtime.internal.scheduler;

import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.tick.GameLoop;
import dev.plinth.core.runtime.internal.tick.TickPhase;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Every resource's scheduled tasks, run at the start of each tick in due order (then scheduling order), and the
 * pool of virtual threads ({@code plinth-async-N}) for off-thread work.
 *
 * <p>{@link #create} and {@link #enqueue} are thread-safe: new tasks wait in a lock-free queue until the next tick takes them in;
 * the due-ordered queue itself belongs to the game thread.
 */
@Component(immediate = true, service = TaskQueue.class)
public final class TaskQueue implements TickPhase {

    private final GameLoop gameThread;
    private final Logger logger;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentLinkedQueue<ScheduledTask> incoming = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<ScheduledTask> queue =
            new PriorityQueue<>(Comparator.comparingLong(ScheduledTask::due).thenComparingLong(ScheduledTask::id));
    private ExecutorService async;

    /**
     * Creates the queue.
     *
     * @param gameThread the clock tasks are counted in, which runs them
     * @param logger where failing tasks are reported
     */
    @Activate
    public TaskQueue(@Reference GameLoop gameThread, @Reference(service = LoggerFactory.class) Logger logger) {
        this.gameThread = gameThread;
        this.logger = logger;
    }

    /** Starts the pool for off-thread work and joins the ticks. */
    @Activate
    public void start() {
        async = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("plinth-async-", 1).factory());
        gameThread.addPhase(this);
    }

    /** Leaves the ticks and stops the pool, interrupting the work still running. */
    @Deactivate
    public void stop() {
        gameThread.removePhase(this);
        async.shutdownNow();
    }

    @Override
    public int order() {
        return SCHEDULER;
    }

    /**
     * Creates a task, not yet scheduled.
     *
     * @param owner the resource it belongs to
     * @param delay ticks before its first run (0 counts as 1: the next tick)
     * @param period ticks between runs, 0 for once
     * @param body what it runs
     * @param onDone called once when the task stops being scheduled
     * @return the task, to hand to {@link #enqueue}
     */
    ScheduledTask create(Owner owner, long delay, long period, Runnable body, Consumer<ScheduledTask> onDone) {
        return new ScheduledTask(ids.incrementAndGet(), owner, gameThread.currentTick() + Math.max(1, delay), period,
                body, onDone);
    }

    /**
     * Schedules a task: the next tick takes it in.
     *
     * @param task a task made by {@link #create}
     */
    void enqueue(ScheduledTask task) {
        incoming.add(task);
    }

    /** {@return the pool of virtual threads for off-thread work} */
    ExecutorService async() {
        return async;
    }

    @Override
    public void tick(long tick) {
        for (ScheduledTask task = incoming.poll(); task != null; task = incoming.poll()) {
            queue.add(task);
        }
        while (!queue.isEmpty() && queue.peek().due() <= tick) {
            ScheduledTask task = queue.poll();
            if (task.isScheduled() && run(task)) {
                queue.add(task);
            }
        }
    }

    private boolean run(ScheduledTask task) {
        try {
            return task.runOnce();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            logger.error("{} failed; it stays scheduled if it repeats", task, e);
            return task.isScheduled();
        }
    }
}
