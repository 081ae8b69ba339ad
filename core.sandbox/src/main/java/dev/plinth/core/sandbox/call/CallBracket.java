package dev.plinth.core.sandbox.call;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Payer;
import dev.plinth.core.sandbox.account.SampledClock;
import dev.plinth.core.sandbox.internal.call.ResourceCallBracket;
import dev.plinth.core.sandbox.watchdog.Watch;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The sandbox's part of every call into one script resource, in one step at each end: {@link #enter} finds who pays
 * for the call, reads the tick, caps the call's budget by what is left of the payer's per-tick budget and starts the
 * wall-clock watch; {@link #exit} stops the watch and charges the payer once (the work off the tick's budget, the
 * call's work, time and allocation on its account). No lock is taken and no scoped value is bound on the way: the
 * payer is bound only around host work that reaches other resources ({@link #asPayer}), and the call's time is read
 * as a {@link SampledClock} says: on one call in {@value SampledClock#SAMPLE} of the game's, scaled, as reading the
 * clock costs more than a small call; on every start and stop.
 *
 * <p>A host keeps one bracket per running resource, next to its own meter (instruction hook, statement counter,
 * fuel), which it arms with the budget {@link #enter} returns and reads back for {@link #exit}.
 *
 * <p>Threads: confined to the thread running the resource's call in progress (hosts serialize a resource's calls; a
 * thread handing over in lock-step, such as a Lua coroutine's, counts as the same), except {@link #account()} and
 * {@link #watch()}, which any thread may read. Calls nest: a call entered while one is in progress (the resource
 * calls the host, which calls it again) shares the outermost call's payer, budget and bound.
 */
@ProviderType
public interface CallBracket {

    /**
     * Opens the bracket of a resource's calls.
     *
     * @param account the resource's account: it pays for its calls unless a {@link Payer} is bound when one starts;
     *     the bracket takes its {@linkplain Account#ledger() own lane}
     * @param watch the resource's wall-clock watch
     * @param ticks the number of the server's current tick
     * @return the bracket
     * @throws IllegalStateException when the account's lane was taken already (one bracket per account)
     */
    static CallBracket open(Account account, Watch watch, LongSupplier ticks) {
        return new ResourceCallBracket(account, watch, ticks);
    }

    /**
     * Enters a call, or a nested one (which changes nothing but the depth).
     *
     * @param budget the work the call may do if it is the outermost one, in the host's units (instructions,
     *     statements, fuel)
     * @param tickBound whether the call counts against the tick's budget and is capped by it: {@code true} for calls
     *     the game makes while it runs (handlers, commands, tasks, exported functions), {@code false} for starting and
     *     stopping the resource
     * @param boundNanos how long the call may run if it is the outermost one, at least 1
     * @return the budget of the call in progress (the outermost one's): {@code budget}, or what is left of the
     *     payer's tick when that is smaller ({@link #tickCapped()}), 0 when the tick's budget is spent
     * @throws IllegalArgumentException when an outermost call's bound is not positive
     */
    long enter(long budget, boolean tickBound, long boundNanos);

    /**
     * Exits a call. The outermost call's exit stops its watch and charges the payer: the work off the tick's budget
     * (when the call is tick-bound), and the call with its work, its time and its allocation on the payer's account.
     *
     * @param work the work the call did, in the host's units; read only for the outermost call
     * @param allocatedBytes what the call allocated; read only for the outermost call
     * @return whether it was the outermost call
     * @throws IllegalStateException when no call is in progress
     */
    boolean exit(long work, long allocatedBytes);

    /** {@return whether a call is in progress: the next {@link #enter} is a nested one} */
    boolean active();

    /** {@return how deeply the call in progress is nested: 0 outside a call, 1 in an outermost one} */
    int depth();

    /** {@return the budget of the call in progress, or of the last one} */
    long budget();

    /** {@return whether the budget of the call in progress (or the last one) is what was left of the tick's} */
    boolean tickCapped();

    /** {@return whether the call in progress (or the last one) counts against the tick's budget} */
    boolean tickBound();

    /** {@return the tick the call in progress (or the last one) started in (read for every outermost call)} */
    long tick();

    /** {@return the account that pays for the call in progress (or paid for the last one)} */
    Account payer();

    /** {@return the resource's own account} */
    Account account();

    /** {@return the resource's wall-clock watch} */
    Watch watch();

    /**
     * Runs host work that may reach other resources (an event the resource causes, another resource's export it
     * calls) with the payer bound: the account paying for the call in progress, or the resource's own outside a call,
     * unless a payer is bound already. Those other resources' calls are then charged to it.
     *
     * @param <T> the work's result
     * @param work the host work
     * @return its result
     */
    default <T> T asPayer(Supplier<T> work) {
        if (Payer.CURRENT.isBound()) {
            return work.get();
        }
        return ScopedValue.where(Payer.CURRENT, active() ? payer() : account()).call(work::get);
    }

    /**
     * Sets the call in progress aside while its thread waits outside the resource with the resource released (a
     * lifecycle call waiting for the game thread): its watch stops, and the next {@link #enter} starts a call of its
     * own. {@link #resume} puts it back.
     *
     * @return the call set aside
     * @throws IllegalStateException outside a call
     */
    Paused pause();

    /**
     * Puts back a call set aside by {@link #pause}, with the time it had left; the tick's budget stays as the calls
     * that ran meanwhile left it.
     *
     * @param paused what {@link #pause} returned
     * @throws IllegalStateException when a call is in progress
     */
    void resume(Paused paused);

    /**
     * A call set aside by {@link #pause}.
     *
     * @param depth how deeply it was nested
     * @param budget its budget
     * @param tickCapped whether its budget was the tick's remainder
     * @param tickBound whether it counts against the tick
     * @param tick the tick it started in
     * @param payer who pays for it
     * @param startedAt when it started ({@link System#nanoTime()}), 0 when it is not one of the timed calls
     * @param watch its watch, suspended
     */
    record Paused(int depth, long budget, boolean tickCapped, boolean tickBound, long tick, Account payer,
            long startedAt, Watch.Suspended watch) {}
}
