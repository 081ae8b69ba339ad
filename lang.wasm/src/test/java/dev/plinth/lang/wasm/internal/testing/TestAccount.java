package dev.plinth.lang.wasm.internal.testing;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * An account for tests that run a plugin without the sandbox's services: it keeps the per-tick budget, the work and
 * the offences as the sandbox's accounts do (offences of one tick count once).
 */
public final class TestAccount implements Account {

    private final String resource;
    private final long workPerTick;
    private final Map<Long, Long> spent = new HashMap<>();
    private final Map<String, Long> missed = new HashMap<>();
    private long calls;
    private long work;
    private long nanos;
    private int offences;
    private long offenceTick = Long.MIN_VALUE;

    /**
     * Creates the account.
     *
     * @param resource the resource
     * @param workPerTick the fuel its calls may spend per tick
     */
    public TestAccount(String resource, long workPerTick) {
        this.resource = resource;
        this.workPerTick = workPerTick;
    }

    @Override
    public String resource() {
        return resource;
    }

    @Override
    public String language() {
        return "wasm";
    }

    @Override
    public void charge(long work, long nanos, long allocatedBytes) {
        calls++;
        this.work += work;
        this.nanos += nanos;
    }

    @Override
    public long tickLeft(long tick) {
        return workPerTick - spent.getOrDefault(tick, 0L);
    }

    @Override
    public void spend(long tick, long work) {
        spent.merge(tick, work, Long::sum);
    }

    @Override
    public void retained(long bytes) {
        // not measured in tests
    }

    @Override
    public int offence(String limit, long tick) {
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
    public void missed(String event) {
        missed.merge(event, 1L, Long::sum);
    }

    @Override
    public AccountSnapshot snapshot() {
        return new AccountSnapshot(resource, "wasm", calls, work, nanos, 0, 0, offences, missed);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
