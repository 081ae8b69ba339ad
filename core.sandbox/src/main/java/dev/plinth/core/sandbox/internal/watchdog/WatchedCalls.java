package dev.plinth.core.sandbox.internal.watchdog;

import dev.plinth.core.sandbox.watchdog.Interrupter;
import dev.plinth.core.sandbox.watchdog.Overrun;
import dev.plinth.core.sandbox.watchdog.Watch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The watch over one resource's calls. The state of the current call is one volatile {@code long}: idle, the ticket
 * of the call in progress (a number the call's thread counts up, never 0 or negative), or one of two markers the
 * watchdog sets while it interrupts the call ({@link #FIRING}) and once it has ({@link #FIRED}). {@link #exit} swaps
 * the state back to idle with a compare-and-set and waits while it reads {@link #FIRING}, so an interrupt never
 * outlives its call.
 *
 * <p>Entering a call reads no clock (a clock read costs more than a small call): the watchdog stamps a call's
 * deadline when it first sees its ticket, so a call is interrupted at most one watchdog period later than its bound
 * counted from its real start (the watchdog looks every few milliseconds anyway).
 *
 * <p>Thread-safe as {@link Watch} documents: the call's fields are written by the call's thread before the volatile
 * ticket and read by the watchdog after it; the stamp and notice fields are the watchdog thread's own, and the stamp
 * is published ({@link #stampedTicket}) for {@link #suspend}.
 */
final class WatchedCalls implements Watch {

    private static final long IDLE = 0;
    private static final long FIRING = Long.MIN_VALUE;
    private static final long FIRED = Long.MIN_VALUE + 1;
    /** How long an interrupted call may take to reach its next checkpoint, at least, before it is told again. */
    private static final long STILL_RUNNING = Duration.ofSeconds(1).toNanos();
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WatchedCalls.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String resource;
    private final Interrupter interrupter;
    private final Consumer<WatchedCalls> onClose;
    private final Consumer<String> onFailure;

    @SuppressWarnings("unused") // through STATE
    private volatile long state;
    private int depth;
    private long tickets;
    private long bound;
    private long allowed;
    /** The thread of the call in progress, or of the last call (read only while a call is in progress). */
    private @Nullable Thread thread;

    private volatile @Nullable Overrun overrun;
    private long seenTicket;
    private long firstSeen;
    private long deadline;
    private volatile long stampedTicket;
    private volatile long stampedDeadline;
    private long firedAt;
    private int notices;

    WatchedCalls(String resource, Interrupter interrupter, Consumer<WatchedCalls> onClose, Consumer<String> onFailure) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.interrupter = Objects.requireNonNull(interrupter, "interrupter");
        this.onClose = onClose;
        this.onFailure = onFailure;
    }

    @Override
    public String resource() {
        return resource;
    }

    @Override
    public void enter(long boundNanos) {
        if (boundNanos <= 0) {
            throw new IllegalArgumentException(resource + ": a call's wall-clock bound must be positive, not "
                    + boundNanos + " ns");
        }
        if (depth++ > 0) {
            return;
        }
        start(boundNanos, boundNanos, false);
    }

    @Override
    public void exit() {
        if (depth <= 0) {
            throw new IllegalStateException(resource + ": exit without enter");
        }
        if (--depth == 0) {
            release();
        }
    }

    @Override
    public boolean overran() {
        long current = state;
        return current == FIRING || current == FIRED;
    }

    @Override
    public Optional<Overrun> overrun() {
        return overran() ? Optional.ofNullable(overrun) : Optional.empty();
    }

    @Override
    public Suspended suspend() {
        if (depth == 0) {
            throw new IllegalStateException(resource + ": no call to suspend");
        }
        long current = state;
        boolean overran = current == FIRING || current == FIRED;
        long left;
        if (overran) {
            left = 0;
        } else if (stampedTicket == current) { // read before the deadline, which the watchdog wrote first
            left = Math.max(1, stampedDeadline - System.nanoTime());
        } else {
            left = allowed; // not seen yet: it started less than a watchdog period ago
        }
        var suspended = new Suspended(depth, bound, left, overran);
        depth = 0;
        release();
        return suspended;
    }

    @Override
    public void resume(Suspended call) {
        if (depth != 0) {
            throw new IllegalStateException(resource + ": a call is in progress");
        }
        depth = call.depth();
        start(call.boundNanos(), call.leftNanos(), call.overran());
    }

    @Override
    public void close() {
        onClose.accept(this);
    }

    private void start(long boundNanos, long leftNanos, boolean overran) {
        bound = boundNanos;
        allowed = leftNanos;
        Thread current = Thread.currentThread();
        if (thread != current) {
            // written only when it changes, and kept after the call: under G1 a reference stored into a long-lived
            // object costs a full fence, more than the rest of entering
            thread = current;
        }
        // a release store: the watchdog sees the ticket soon enough, and the call's thread pays no full fence
        STATE.setRelease(this, overran ? FIRED : ++tickets);
    }

    private void release() {
        while (true) {
            long current = state;
            if (current == FIRING) {
                Thread.onSpinWait();
            } else if (STATE.compareAndSet(this, current, IDLE)) {
                return;
            }
        }
    }

    /**
     * Looks at the call in progress; interrupts it when it is past its deadline, and again one bound after each
     * notice while it still runs. Called by the watchdog thread only.
     *
     * @param now {@link System#nanoTime()}
     */
    void check(long now) {
        long current = state;
        if (current == IDLE || current == FIRING) {
            return;
        }
        if (current == FIRED) {
            if (now - firedAt < Math.max(bound, STILL_RUNNING)) {
                return;
            }
        } else if (current != seenTicket) {
            // a call the watchdog sees for the first time: its deadline starts now
            seenTicket = current;
            firstSeen = now - (bound - allowed);
            deadline = now + allowed;
            stampedDeadline = deadline;
            stampedTicket = current;
            return;
        } else if (now - deadline < 0) {
            return;
        } else {
            notices = 0;
        }
        Thread entered = thread;
        var late = new Overrun(resource, entered == null ? Thread.currentThread() : entered, Duration.ofNanos(bound),
                Duration.ofNanos(now - firstSeen), notices + 1);
        overrun = late;
        if (!STATE.compareAndSet(this, current, FIRING)) {
            return; // the call ended meanwhile
        }
        notices++;
        try {
            interrupter.interrupt(late);
        } catch (RuntimeException | LinkageError e) {
            onFailure.accept(resource + ": its host's interrupter failed: " + e);
        } finally {
            firedAt = now;
            state = FIRED;
        }
    }
}
