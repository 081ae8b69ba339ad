package dev.plinth.core.sandbox.internal.account;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import dev.plinth.core.sandbox.account.CallLedger;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One resource's account, kept in two parts that its readers add up. The resource's own calls are charged through
 * its {@link OwnCalls} lane, whose single writer (the resource's call bracket) makes a few release stores per call; the
 * calls other resources make on its behalf ({@link dev.plinth.core.sandbox.account.Payer}) through {@link #finish},
 * which replaces one immutable {@link Totals} with a compare-and-set. Neither takes a lock, and the tick's budget is
 * read without one. The rare counters (offences, missed events) are under this object's monitor, never held while
 * calling out.
 *
 * <p>Thread-safe; {@link #ledger()} is handed out once.
 */
public final class ResourceAccount implements Account {

    /** The most event names the missed-events table keeps; further ones count under {@code "..."}. */
    static final int MAX_MISSED_NAMES = 64;

    private final String resource;
    private final String language;
    private final long workPerTick;
    private final Consumer<ResourceAccount> onClose;

    private static final VarHandle TOTALS;

    static {
        try {
            TOTALS = MethodHandles.lookup().findVarHandle(ResourceAccount.class, "totals", Totals.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through TOTALS
    private volatile Totals totals = new Totals(0, 0, 0, 0, Long.MIN_VALUE, 0);
    private final OwnCalls own = new OwnCalls();
    /** Whether {@link #ledger()} handed the own lane out; guarded by this account's monitor. */
    private boolean ledgerTaken;
    private volatile long retained;
    private volatile int offences;
    private long offenceTick = Long.MIN_VALUE;
    private final Map<String, Long> missed = new HashMap<>();

    /**
     * Opens an account.
     *
     * @param resource the resource
     * @param language its host's language
     * @param workPerTick its per-tick budget
     * @param onClose told when it is closed
     */
    public ResourceAccount(String resource, String language, long workPerTick, Consumer<ResourceAccount> onClose) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.language = Objects.requireNonNull(language, "language");
        if (workPerTick <= 0) {
            throw new IllegalArgumentException(resource + ": the per-tick budget must be positive, not " + workPerTick);
        }
        this.workPerTick = workPerTick;
        this.onClose = onClose;
    }

    @Override
    public String resource() {
        return resource;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public void charge(long work, long nanos, long allocatedBytes) {
        finish(Long.MIN_VALUE, false, work, nanos, allocatedBytes);
    }

    @Override
    public void finish(long tick, boolean tickBound, long work, long nanos, long allocatedBytes) {
        long spent = Math.max(0, work);
        long time = Math.max(0, nanos);
        long bytes = Math.max(0, allocatedBytes);
        while (true) {
            Totals current = totals;
            Totals next = tickBound
                    ? new Totals(current.calls() + 1, current.work() + spent, current.nanos() + time,
                            current.allocated() + bytes, tick, Math.max(0, left(current, tick) - spent))
                    : new Totals(current.calls() + 1, current.work() + spent, current.nanos() + time,
                            current.allocated() + bytes, current.tick(), current.left());
            if (TOTALS.compareAndSet(this, current, next)) {
                return;
            }
        }
    }

    @Override
    public CallLedger ledger() {
        synchronized (this) {
            if (ledgerTaken) {
                throw new IllegalStateException(resource + ": the account's own lane is handed out once");
            }
            ledgerTaken = true;
        }
        return own;
    }

    @Override
    public long tickLeft(long tick) {
        return Math.max(0, left(totals, tick) - own.spentIn(tick));
    }

    @Override
    public void spend(long tick, long work) {
        long spent = Math.max(0, work);
        while (true) {
            Totals current = totals;
            Totals next = new Totals(current.calls(), current.work(), current.nanos(), current.allocated(), tick,
                    Math.max(0, left(current, tick) - spent));
            if (TOTALS.compareAndSet(this, current, next)) {
                return;
            }
        }
    }

    private long left(Totals current, long tick) {
        return current.tick() == tick ? current.left() : workPerTick;
    }

    @Override
    public void retained(long bytes) {
        retained = bytes;
    }

    @Override
    public synchronized int offence(String limit, long tick) {
        if (tick != offenceTick || tick == Long.MIN_VALUE) {
            offences++;
            offenceTick = tick;
        }
        return offences;
    }

    @Override
    public int offences() {
        return offences;
    }

    @Override
    public synchronized void missed(String event) {
        String key = missed.containsKey(event) || missed.size() < MAX_MISSED_NAMES ? event : "...";
        missed.merge(key, 1L, Long::sum);
    }

    @Override
    public synchronized AccountSnapshot snapshot() {
        long ownCalls = own.calls();
        Totals now = totals;
        return new AccountSnapshot(resource, language, now.calls() + ownCalls, now.work() + own.work(),
                now.nanos() + own.nanos(), now.allocated() + own.allocated(), retained, offences, missed);
    }

    @Override
    public void close() {
        onClose.accept(this);
    }

    /**
     * What the account's calls add up to, and what is left of the per-tick budget in one tick: replaced as a whole.
     *
     * @param calls the calls charged
     * @param work their work
     * @param nanos their time
     * @param allocated what they allocated
     * @param tick the tick of the budget
     * @param left the work left in it
     */
    private record Totals(long calls, long work, long nanos, long allocated, long tick, long left) {}

    /**
     * The lane of the resource's own calls. Its writer reads its own fields plainly (each writer's charges
     * happen-before the next one's) and publishes them with release stores, the call count last; readers on other
     * threads read the count first, with acquire, then the rest, so they see at least the calls it counts. The tick's
     * spent work is stored before its tick.
     */
    private static final class OwnCalls implements CallLedger {

        private static final VarHandle CALLS;
        private static final VarHandle WORK;
        private static final VarHandle NANOS;
        private static final VarHandle ALLOCATED;
        private static final VarHandle TICK;
        private static final VarHandle SPENT;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                CALLS = lookup.findVarHandle(OwnCalls.class, "calls", long.class);
                WORK = lookup.findVarHandle(OwnCalls.class, "work", long.class);
                NANOS = lookup.findVarHandle(OwnCalls.class, "nanos", long.class);
                ALLOCATED = lookup.findVarHandle(OwnCalls.class, "allocated", long.class);
                TICK = lookup.findVarHandle(OwnCalls.class, "tick", long.class);
                SPENT = lookup.findVarHandle(OwnCalls.class, "spent", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private long calls;
        private long work;
        private long nanos;
        private long allocated;
        private long tick = Long.MIN_VALUE;
        private long spent;

        @Override
        public void finish(long tick, boolean tickBound, long work, long nanos, long allocatedBytes) {
            long done = Math.max(0, work);
            WORK.setRelease(this, this.work + done);
            NANOS.setRelease(this, this.nanos + Math.max(0, nanos));
            ALLOCATED.setRelease(this, this.allocated + Math.max(0, allocatedBytes));
            if (tickBound) {
                SPENT.setRelease(this, this.tick == tick ? this.spent + done : done);
                TICK.setRelease(this, tick);
            }
            CALLS.setRelease(this, this.calls + 1);
        }

        long spentIn(long tick) {
            return (long) TICK.getAcquire(this) == tick ? (long) SPENT.getAcquire(this) : 0;
        }

        long calls() {
            return (long) CALLS.getAcquire(this);
        }

        long work() {
            return (long) WORK.getAcquire(this);
        }

        long nanos() {
            return (long) NANOS.getAcquire(this);
        }

        long allocated() {
            return (long) ALLOCATED.getAcquire(this);
        }
    }

    @Override
    public String toString() {
        return "account of " + resource;
    }
}
