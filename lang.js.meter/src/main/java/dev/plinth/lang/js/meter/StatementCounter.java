package dev.plinth.lang.js.meter;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.Objects;

/**
 * The statement count of one context: its host {@link #arm}s it with a budget before a call and {@link #disarm}s
 * it afterwards, which says how many statements the call ran. The statement that goes past the budget tells the
 * host once ({@code onExhausted}, on the thread running the code); the code keeps running until the host stops it
 * (GraalJS's {@code Context.interrupt}), and what it runs meanwhile is counted too.
 *
 * <p>Threads: confined to the thread that runs the context's code at the time (a context runs on one thread at a
 * time; arm, the code, and disarm of one call run on that thread).
 */
public final class StatementCounter {

    /** What the counter is left with after it ran out: far from zero, so the code runs on without a check failing. */
    private static final long AFTER_EXHAUSTION = Long.MAX_VALUE / 2;

    private static final Runnable NOTHING = () -> { };

    private long left = Long.MAX_VALUE;
    private long window = Long.MAX_VALUE;
    private long counted;
    /** Work done for the call elsewhere ({@link #charge}): counted against its budget, not among its statements. */
    private long charged;
    private boolean armed;
    private boolean exhausted;
    /**
     * Told when the armed call runs out; set only while a call is armed. Kept on the thread running the call, not in
     * this object: the counter belongs to the context, and the callback reaches the host (the script, the resource,
     * the server), which a measurement of the context's heap taken during the call would count as the context's.
     */
    private final ThreadLocal<Runnable> onExhausted = ThreadLocal.withInitial(() -> NOTHING);

    /** Created by the instrument, one per context. */
    StatementCounter() {
    }

    /**
     * Starts counting a call.
     *
     * @param budget the statements it may run, at least 0
     * @param onExhausted told once, on the thread running the code, when the call runs one statement more; it must
     *     return quickly and not run code of the context
     * @throws IllegalArgumentException when the budget is negative
     * @throws IllegalStateException when the counter is armed already
     */
    public void arm(long budget, Runnable onExhausted) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative, not " + budget);
        }
        if (armed) {
            throw new IllegalStateException("the statement counter is armed already");
        }
        this.onExhausted.set(Objects.requireNonNull(onExhausted, "onExhausted"));
        armed = true;
        exhausted = false;
        counted = 0;
        charged = 0;
        window = budget;
        left = budget;
    }

    /**
     * Counts work the call had done elsewhere against its budget: what another resource's code ran for it (an export
     * it called, an event it emitted), already charged to whoever pays. It is not among the statements
     * {@link #ran} and {@link #disarm} report, and runs the budget out like statements do ({@code onExhausted} is told
     * on this thread, now). Ignored when not armed.
     *
     * @param work the work, in statements or the other language's units (instructions, fuel); negative counts as 0
     */
    public void charge(long work) {
        if (!armed || work <= 0) {
            return;
        }
        charged += work;
        left -= work;
        if (left < 0) {
            exhaust();
        }
    }

    /**
     * Stops counting.
     *
     * @return the statements the call ran since {@link #arm}, not what it was {@link #charge}d for
     */
    public long disarm() {
        long ran = ran();
        armed = false;
        // Dropped, so that the thread does not keep the host's objects once the call is over (set, not removed: a
        // removal would allocate a new entry at the next call).
        onExhausted.set(NOTHING);
        left = Long.MAX_VALUE;
        window = Long.MAX_VALUE;
        return ran;
    }

    /** {@return the statements run since {@link #arm} so far, not counting what was {@link #charge}d; 0 when not armed} */
    public long ran() {
        return armed ? counted + window - left - charged : 0;
    }

    /** {@return whether the armed call ran past its budget} */
    public boolean exhausted() {
        return exhausted;
    }

    /** {@return whether a call is being counted} */
    public boolean armed() {
        return armed;
    }

    /**
     * Counts one statement: the instrument's node calls this on every statement of the context.
     *
     * @return whether the budget ran out with this statement
     */
    boolean count() {
        return --left < 0;
    }

    /** The budget ran out: tell the host once, and let the code run on (counted) until the host stops it. */
    @TruffleBoundary
    void exhaust() {
        if (left >= 0) {
            return;
        }
        counted += window - left;
        window = AFTER_EXHAUSTION;
        left = AFTER_EXHAUSTION;
        if (armed && !exhausted) {
            exhausted = true;
            onExhausted.get().run();
        }
    }
}
