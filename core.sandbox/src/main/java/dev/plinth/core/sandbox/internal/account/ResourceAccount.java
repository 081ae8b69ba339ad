package dev.plinth.core.sandbox.internal.account;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One resource's account: counters under this object's monitor (one short section at the end of each call, never
 * held while calling out); the tick's budget is read without it.
 *
 * <p>Thread-safe.
 */
public final class ResourceAccount implements Account {

    /** The most event names the missed-events table keeps; further ones count under {@code "..."}. */
    static final int MAX_MISSED_NAMES = 64;

    private final String resource;
    private final String language;
    private final long workPerTick;
    private final Consumer<ResourceAccount> onClose;

    private long calls;
    private long work;
    private long nanos;
    private long allocated;
    private volatile long retained;
    private volatile int offences;
    private long offenceTick = Long.MIN_VALUE;
    private volatile TickBudget budget = new TickBudget(Long.MIN_VALUE, 0);
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
    public synchronized void charge(long work, long nanos, long allocatedBytes) {
        calls++;
        this.work += Math.max(0, work);
        this.nanos += Math.max(0, nanos);
        this.allocated += Math.max(0, allocatedBytes);
    }

    @Override
    public synchronized void finish(long tick, boolean tickBound, long work, long nanos, long allocatedBytes) {
        // One section, no nested calls: what every call into a script pays at its end.
        long spent = Math.max(0, work);
        if (tickBound) {
            TickBudget current = budget;
            long left = current.tick() == tick ? current.left() : workPerTick;
            budget = new TickBudget(tick, Math.max(0, left - spent));
        }
        calls++;
        this.work += spent;
        this.nanos += Math.max(0, nanos);
        this.allocated += Math.max(0, allocatedBytes);
    }

    @Override
    public long tickLeft(long tick) {
        TickBudget current = budget;
        return current.tick() == tick ? current.left() : workPerTick;
    }

    @Override
    public synchronized void spend(long tick, long work) {
        long left = tickLeft(tick);
        budget = new TickBudget(tick, Math.max(0, left - Math.max(0, work)));
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
        return new AccountSnapshot(resource, language, calls, work, nanos, allocated, retained, offences, missed);
    }

    @Override
    public void close() {
        onClose.accept(this);
    }

    /**
     * What is left of the per-tick budget in one tick, replaced as a whole so it is read without a lock.
     *
     * @param tick the tick
     * @param left the work left in it
     */
    private record TickBudget(long tick, long left) {}

    @Override
    public String toString() {
        return "account of " + resource;
    }
}
