package dev.plinth.benchmarks.sandbox;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import java.util.Map;

/**
 * The baseline of the accounting benchmarks: an account that records nothing (no charge, no lock, no per-tick
 * budget to read or spend), so that a host built with it runs its calls with accounting off and everything else
 * (the meter's limits, the watch, the bus) as it is. Never used by the product.
 *
 * <p>Thread-safe: it keeps no state.
 */
public final class UnchargedAccount implements Account {

    private final String resource;
    private final String language;

    /**
     * Creates the account.
     *
     * @param resource the resource
     * @param language its host's language
     */
    public UnchargedAccount(String resource, String language) {
        this.resource = resource;
        this.language = language;
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
        // accounting off
    }

    @Override
    public void finish(long tick, boolean tickBound, long work, long nanos, long allocatedBytes) {
        // accounting off
    }

    @Override
    public long tickLeft(long tick) {
        return Long.MAX_VALUE / 4;
    }

    @Override
    public void spend(long tick, long work) {
        // accounting off
    }

    @Override
    public void retained(long bytes) {
        // accounting off
    }

    @Override
    public int offence(String limit, long tick) {
        return 0;
    }

    @Override
    public int offences() {
        return 0;
    }

    @Override
    public void missed(String event) {
        // accounting off
    }

    @Override
    public AccountSnapshot snapshot() {
        return new AccountSnapshot(resource, language, 0, 0, 0, 0, 0, 0, Map.of());
    }

    @Override
    public void close() {
        // nothing held
    }
}
