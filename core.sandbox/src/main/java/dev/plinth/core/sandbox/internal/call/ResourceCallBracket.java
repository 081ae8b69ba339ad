package dev.plinth.core.sandbox.internal.call;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.CallLedger;
import dev.plinth.core.sandbox.account.Payer;
import dev.plinth.core.sandbox.account.SampledClock;
import dev.plinth.core.sandbox.call.CallBracket;
import dev.plinth.core.sandbox.watchdog.Watch;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The {@link CallBracket} of one resource: the state of the call in progress in plain fields (the bracket is confined
 * to the thread of that call), one look at the payer's tick budget on entry, one charge on exit: through the
 * account's own {@link CallLedger} when the resource pays for itself (no atomic instruction), else through the payer's
 * {@link Account#finish}.
 *
 * <p>Not thread-safe, by design: see {@link CallBracket}.
 */
public final class ResourceCallBracket implements CallBracket {

    private final Account account;
    private final CallLedger ledger;
    private final Watch watch;
    private final LongSupplier ticks;

    private int depth;
    private long budget;
    private boolean tickCapped;
    private boolean tickBound;
    private long tick = Long.MIN_VALUE;
    private Account payer;
    private long startedAt;
    private final SampledClock clock = new SampledClock();

    /**
     * Opens the bracket of a resource's calls.
     *
     * @param account the resource's account
     * @param watch its wall-clock watch
     * @param ticks the number of the server's current tick
     */
    public ResourceCallBracket(Account account, Watch watch, LongSupplier ticks) {
        this.account = Objects.requireNonNull(account, "account");
        this.ledger = account.ledger();
        this.watch = Objects.requireNonNull(watch, "watch");
        this.ticks = Objects.requireNonNull(ticks, "ticks");
        this.payer = account;
    }

    @Override
    public long enter(long budget, boolean tickBound, long boundNanos) {
        if (depth > 0) {
            depth++;
            return this.budget;
        }
        if (boundNanos <= 0) {
            throw new IllegalArgumentException(account.resource() + ": a call's wall-clock bound must be positive, "
                    + "not " + boundNanos + " ns");
        }
        Account paying = Payer.CURRENT.isBound() ? Payer.CURRENT.get() : account;
        long granted = Math.max(0, budget);
        boolean capped = false;
        tick = ticks.getAsLong();
        if (tickBound) {
            long tickLeft = Math.max(0, paying.tickLeft(tick));
            if (tickLeft < granted) {
                granted = tickLeft;
                capped = true;
            }
        }
        if (payer != paying) {
            payer = paying; // only when it changes: a reference stored into a long-lived object costs a fence
        }
        this.budget = granted;
        this.tickCapped = capped;
        this.tickBound = tickBound;
        startedAt = clock.start(tickBound);
        watch.enter(boundNanos);
        depth = 1;
        return granted;
    }

    @Override
    public boolean exit(long work, long allocatedBytes) {
        if (depth <= 0) {
            throw new IllegalStateException(account.resource() + ": a call exited that was not entered");
        }
        if (--depth > 0) {
            return false;
        }
        watch.exit();
        long nanos = clock.elapsed(startedAt, tickBound);
        if (payer == account) {
            ledger.finish(tick, tickBound, work, nanos, allocatedBytes);
        } else {
            payer.finish(tick, tickBound, work, nanos, allocatedBytes);
        }
        return true;
    }

    @Override
    public boolean active() {
        return depth > 0;
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public long budget() {
        return budget;
    }

    @Override
    public boolean tickCapped() {
        return tickCapped;
    }

    @Override
    public boolean tickBound() {
        return tickBound;
    }

    @Override
    public long tick() {
        return tick;
    }

    @Override
    public Account payer() {
        return payer;
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public Watch watch() {
        return watch;
    }

    @Override
    public Paused pause() {
        if (depth == 0) {
            throw new IllegalStateException("no call of " + account.resource() + " to pause");
        }
        var paused = new Paused(depth, budget, tickCapped, tickBound, tick, payer, startedAt, watch.suspend());
        depth = 0;
        return paused;
    }

    @Override
    public void resume(Paused paused) {
        if (depth != 0) {
            throw new IllegalStateException("a call of " + account.resource() + " is in progress");
        }
        watch.resume(paused.watch());
        depth = paused.depth();
        budget = paused.budget();
        tickCapped = paused.tickCapped();
        tickBound = paused.tickBound();
        tick = paused.tick();
        payer = paused.payer();
        startedAt = paused.startedAt();
    }

    @Override
    public String toString() {
        return "call bracket of " + account.resource();
    }
}
