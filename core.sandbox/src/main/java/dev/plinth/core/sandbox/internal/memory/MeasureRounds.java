package dev.plinth.core.sandbox.internal.memory;

import dev.plinth.core.sandbox.account.AccountSnapshot;
import dev.plinth.core.sandbox.memory.RetainedMemory;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which resources the memory thread measures in a round. What a resource keeps changes when its code runs, and every
 * call a host makes into it is charged to its account: a resource whose account shows no new call, work or allocation
 * since it was last measured keeps what it kept then, so its heap is not walked again (a JavaScript context's walk
 * costs milliseconds; a server of idle resources paid it for each of them every second). It is measured anyway every
 * {@value #REFRESH_ROUNDS} rounds, for what its host may hold for it outside its calls. A resource without an account
 * is measured every round.
 *
 * <p>Confined to the memory thread.
 */
final class MeasureRounds {

    /** At most this many rounds pass between two measures of a resource, however idle. */
    static final int REFRESH_ROUNDS = 10;

    /** A resource's account when it was last measured, and the round. */
    private record Measured(long calls, long work, long allocatedBytes, long round) {

        boolean sameActivity(AccountSnapshot account) {
            return calls == account.calls() && work == account.work() && allocatedBytes == account.allocatedBytes();
        }
    }

    private final Map<RetainedMemory, Measured> last = new IdentityHashMap<>();
    private long round;

    /**
     * Starts a round: forgets the resources that are gone.
     *
     * @param resources the resources held now
     */
    void begin(Collection<RetainedMemory> resources) {
        round++;
        last.keySet().retainAll(resources);
    }

    /**
     * Whether to measure a resource in this round; when so, it counts as measured now.
     *
     * @param resource the resource
     * @param account its account now, if it has one
     * @return whether to measure it
     */
    boolean due(RetainedMemory resource, Optional<AccountSnapshot> account) {
        if (account.isEmpty()) {
            return true;
        }
        Measured before = last.get(resource);
        if (before != null && before.sameActivity(account.get()) && round - before.round() < REFRESH_ROUNDS) {
            return false;
        }
        AccountSnapshot now = account.get();
        last.put(resource, new Measured(now.calls(), now.work(), now.allocatedBytes(), round));
        return true;
    }
}
