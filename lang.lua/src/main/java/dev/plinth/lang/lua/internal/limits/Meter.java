package dev.plinth.lang.lua.internal.limits;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Payer;
import dev.plinth.core.sandbox.call.CallBracket;
import dev.plinth.core.sandbox.memory.AllocationCounter;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.watchdog.Overrun;
import dev.plinth.core.sandbox.watchdog.Watch;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;

/**
 * The sandbox of one Lua resource's calls: its CPU budget, its per-call allocation, its wall-clock watch and its
 * grants.
 *
 * <p>Every call into the resource is bracketed by {@link #enter} and {@link #exit}; the code in between reports its
 * progress through {@link #step()} (the interpreter's instruction hook, once per Lua instruction) or
 * {@link #charge(int)} (checkpoints compiled into LuaJC code at loop back-edges and function entries, and the
 * metered library functions). Both only count down a slice of {@value #SLICE} instructions; at the end of a slice
 * the meter takes the slice off the call's budget, reads the thread's allocation counter, checks the stop flag and
 * whether the watchdog found the call past its wall-clock bound. A broken limit throws a {@link LimitExceededError}
 * and stays broken until the outermost {@link #exit}: every further checkpoint throws it again, so a script cannot
 * catch it and go on.
 *
 * <p>The sandbox's part of each call (who pays, the tick's cap on the budget, the watch, the charge at the end) is
 * the resource's {@link CallBracket}. Who pays: the per-tick budget and the work of a call belong to the
 * {@link Payer} bound when the call starts
 * (the resource whose call made this one, through an export or an event), else to the resource's own account.
 *
 * <p>Threads: the code of one resource runs on one thread at a time (its coroutines run in lock-step with the thread
 * that resumed them), so the counters are plain fields. Only {@link #stop} may be called from any thread.
 */
public final class Meter {

    /** The meter of the resource whose code runs on this thread: bound for each call by the resource's script. */
    public static final ScopedValue<Meter> CURRENT = ScopedValue.newInstance();

    /** Instructions between two slow checks. */
    static final int SLICE = 1024;

    private final String resource;
    private final Limits limits;
    private final Grants grants;
    private final AllocationCounter allocations;
    private final Watch watch;
    private final CallBracket bracket;

    private long left;
    private int slice;
    private int sliceSize;
    private long allocated;
    /**
     * The thread whose allocations the call's current segment counts, kept after the call (written only when it
     * changes: under G1 a reference stored into a long-lived object costs a full fence, on every call).
     */
    private @Nullable Thread segmentThread;
    /** Whether a segment is open: a call is in progress and not paused. */
    private boolean segmentOpen;
    private long segmentBase;
    private @Nullable LimitExceededError broken;
    private long lastInstructions;
    private long lastAllocated;

    private volatile @Nullable String stopReason;
    /**
     * The resource's globals while one of its coroutines runs, else {@code null}: written by the thread that resumes
     * the coroutine before LuaJ hands over to it (which synchronizes), read by the coroutine's thread.
     */
    private @Nullable Globals coroutine;

    /**
     * Creates the account of one resource.
     *
     * @param resource the resource name, for messages
     * @param limits what it may spend
     * @param grants the host APIs it may call
     * @param allocations the per-thread allocation counter
     * @param ticks the number of the server's current tick
     * @param watch its wall-clock watch
     * @param account its account, which pays for its own calls
     */
    public Meter(String resource, Limits limits, Grants grants, AllocationCounter allocations, LongSupplier ticks,
            Watch watch, Account account) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.allocations = Objects.requireNonNull(allocations, "allocations");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.bracket = CallBracket.open(account, watch, ticks);
    }

    /**
     * The meter bound to the calling thread.
     *
     * @return the meter of the resource whose code runs now
     * @throws LuaError when no resource's code runs on this thread (a host bug: Lua entered without its meter)
     */
    public static Meter current() {
        if (!CURRENT.isBound()) {
            throw new LuaError("Lua code ran outside of its resource's meter");
        }
        return CURRENT.get();
    }

    /**
     * Starts a call; nested calls (the resource's code calling the host calling the resource again) share the
     * outermost call's budget.
     *
     * @param instructions the budget of the call if it is the outermost one
     * @param tickBound whether the tick's remaining budget caps it and what it runs counts against the tick: true
     *     for calls made by the game (handlers, commands, tasks), false for starting and stopping the resource
     * @param boundNanos the call's wall-clock bound if it is the outermost one
     */
    public void enter(long instructions, boolean tickBound, long boundNanos) {
        boolean outermost = !bracket.active();
        long budget = bracket.enter(instructions, tickBound, boundNanos);
        if (!outermost) {
            return;
        }
        left = budget;
        broken = null;
        allocated = 0;
        openSegment(Thread.currentThread());
        startSlice();
    }

    /**
     * Ends a call.
     *
     * @return the limit the outermost call broke, even if the script caught the error; {@code null} when it kept
     *     to its limits or when this was a nested call
     */
    public @Nullable LimitExceededError exit() {
        if (bracket.depth() > 1) {
            bracket.exit(0, 0);
            return null;
        }
        lastInstructions = Math.max(0, bracket.budget() - (left + slice));
        lastAllocated = allocatedSoFar();
        segmentOpen = false;
        bracket.exit(lastInstructions, lastAllocated);
        LimitExceededError result = broken;
        broken = null;
        return result;
    }

    /** Counts one Lua instruction (the interpreter's hook). */
    public void step() {
        if (--slice <= 0) {
            slowCheck();
        }
    }

    /**
     * Counts several instructions at once (compiled code's checkpoints).
     *
     * @param instructions how many
     */
    public void charge(int instructions) {
        slice -= instructions;
        if (slice <= 0) {
            slowCheck();
        }
    }

    /**
     * Refuses an allocation that would break the memory limit before it happens: {@code string.rep} and
     * {@code table.concat} ask first, so one call cannot allocate a gigabyte in one go.
     *
     * @param bytes the size about to be allocated
     * @throws LimitExceededError when the call's allocations and this one would exceed the limit
     */
    public void reserve(long bytes) {
        if (broken != null) {
            throw broken;
        }
        long total = allocatedSoFar() + bytes;
        if (bytes < 0 || total > limits.maxCallAllocBytes()) {
            throw broken(Limit.MEMORY, "a single allocation of " + bytes + " bytes, limit "
                    + limits.maxCallAllocBytes() / Limits.MIB + " MB per call");
        }
    }

    /**
     * Makes every further checkpoint of the resource's code fail: the resource is being stopped. Any thread.
     *
     * @param reason why, for the error the running code sees
     */
    public void stop(String reason) {
        stopReason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Sets the current call aside while its thread waits outside of Lua with the resource released: the next
     * {@link #enter} starts a call of its own. {@link #resume} puts it back.
     *
     * @return the call set aside
     * @throws IllegalStateException outside a call
     */
    public Paused pause() {
        if (!bracket.active()) {
            throw new IllegalStateException("no call of " + resource + " to pause");
        }
        var paused = new Paused(bracket.pause(), left, slice, allocatedSoFar(), broken);
        segmentOpen = false;
        broken = null;
        return paused;
    }

    /**
     * Puts back a call set aside by {@link #pause}, on the calling thread; what the thread allocated meanwhile is
     * not counted. The tick's budget stays as the calls that ran meanwhile left it.
     *
     * @param paused the call
     * @throws IllegalStateException when another call is in progress
     */
    public void resume(Paused paused) {
        if (bracket.active()) {
            throw new IllegalStateException("a call of " + resource + " is in progress");
        }
        bracket.resume(paused.call());
        left = paused.left();
        slice = paused.slice();
        allocated = paused.allocated();
        broken = paused.broken();
        openSegment(Thread.currentThread());
    }

    /** Starts counting what a thread allocates for the call from now. */
    private void openSegment(Thread thread) {
        if (segmentThread != thread) {
            segmentThread = thread;
        }
        segmentBase = allocations.allocatedBytes(thread);
        segmentOpen = true;
    }

    /**
     * A call set aside by {@link #pause}.
     *
     * @param call its bracket's part: depth, budget, payer, tick, watch
     * @param left what was left of its budget after its current slice
     * @param slice what was left of its current slice
     * @param allocated what it allocated so far
     * @param broken the limit it broke, if any
     */
    public record Paused(CallBracket.Paused call, long left, int slice, long allocated,
            @Nullable LimitExceededError broken) {}

    /**
     * Whether a call is in progress (the next {@link #enter} is a nested one).
     *
     * @return {@code true} inside a call
     */
    public boolean active() {
        return bracket.active();
    }

    /**
     * Whether one of the resource's coroutines runs now, and its globals: compiled code runs interpreted there, so the
     * memory walk sees the local variables of a suspended coroutine. Called on the resource's threads.
     *
     * @return the globals, {@code null} when no coroutine of the resource runs
     */
    public @Nullable Globals coroutine() {
        return coroutine;
    }

    /**
     * Notes that a coroutine of the resource runs from now on, or that none does.
     *
     * @param globals the resource's globals when one runs, else {@code null}
     * @return what was noted before, to note again when the coroutine yields or ends
     */
    public @Nullable Globals coroutine(@Nullable Globals globals) {
        Globals before = coroutine;
        coroutine = globals;
        return before;
    }

    /**
     * How deeply the call in progress is nested: calls into the resource made from within its own calls (through
     * the host: an export it calls of its own, an event it emits that it handles) count one more each.
     *
     * @return 0 outside a call, 1 in an outermost one
     */
    public int depth() {
        return bracket.depth();
    }

    /**
     * The number of the tick the last call ran in.
     *
     * @return the tick
     */
    public long tick() {
        return bracket.tick();
    }

    /**
     * What the last outermost call ran.
     *
     * @return Lua instructions (interpreted) or checkpoint units (compiled)
     */
    public long lastInstructions() {
        return lastInstructions;
    }

    /**
     * What the last outermost call allocated.
     *
     * @return bytes
     */
    public long lastAllocatedBytes() {
        return lastAllocated;
    }

    /**
     * The limits this meter enforces.
     *
     * @return the limits
     */
    public Limits limits() {
        return limits;
    }

    /**
     * The host APIs the resource may call.
     *
     * @return its grants
     */
    public Grants grants() {
        return grants;
    }

    /**
     * The account that pays for the current call (or paid for the last one).
     *
     * @return the payer: the calling resource's account, or this resource's own
     */
    public Account payer() {
        return bracket.payer();
    }

    /**
     * The resource's own account.
     *
     * @return the account
     */
    public Account account() {
        return bracket.account();
    }

    /**
     * Runs host work that may reach other resources with the payer of the current call bound (the resource's own
     * account outside a call), unless a payer is bound already: see {@link CallBracket#asPayer}.
     *
     * @param <T> the work's result
     * @param work the host work
     * @return its result
     */
    public <T> T asPayer(Supplier<T> work) {
        return bracket.asPayer(work);
    }

    /**
     * The resource's wall-clock watch.
     *
     * @return the watch
     */
    public Watch watch() {
        return watch;
    }

    private void startSlice() {
        sliceSize = (int) Math.min(SLICE, left);
        left -= sliceSize;
        slice = sliceSize;
    }

    private void slowCheck() {
        if (broken != null) {
            throw broken;
        }
        if (watch.overran()) {
            throw broken(Limit.WALL_CLOCK, watch.overrun().map(Overrun::describe).orElse("the watchdog interrupted it"));
        }
        String reason = stopReason;
        if (reason != null) {
            throw new LuaError(resource + " is stopping: " + reason);
        }
        long bytes = allocatedSoFar();
        if (bytes > limits.maxCallAllocBytes()) {
            throw broken(Limit.MEMORY, bytes / Limits.MIB + " MB allocated in one call, limit "
                    + limits.maxCallAllocBytes() / Limits.MIB + " MB per call (sandbox.max_call_alloc_mb)");
        }
        left += slice;
        if (left < 0) {
            left = 0;
            slice = 0;
            Limit budgetLimit = bracket.tickCapped() ? Limit.TICK_INSTRUCTIONS : Limit.CALL_INSTRUCTIONS;
            long budget = bracket.budget();
            throw broken(budgetLimit, budgetLimit == Limit.TICK_INSTRUCTIONS && budget == 0
                    ? "the tick's budget is spent" : budget + " instructions");
        }
        startSlice();
    }

    private LimitExceededError broken(Limit limit, String detail) {
        broken = new LimitExceededError(limit, detail);
        slice = 0;
        return broken;
    }

    private long allocatedSoFar() {
        Thread thread = Thread.currentThread();
        Thread segment = segmentThread;
        if (!segmentOpen || segment == null) {
            return 0;
        }
        if (segment != thread) {
            // A coroutine thread took over (or handed back): close the other thread's segment, open this one's.
            allocated += allocations.allocatedBytes(segment) - segmentBase;
            openSegment(thread);
        }
        return allocated + allocations.allocatedBytes(thread) - segmentBase;
    }
}
