package dev.plinth.core.sandbox.account;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The account of one running script resource. Its host charges each call when it ends ({@link #charge}), records
 * its offences and the events it missed, and keeps the per-tick budget here so that other resources' calls made on
 * its behalf ({@link Payer}) spend it too. The resource's own calls are charged through its {@link #ledger()}, the
 * others' through {@link #finish}.
 *
 * <p>Thread-safe; every method is cheap enough to call once per call.
 */
@ProviderType
public interface Account extends AutoCloseable {

    /**
     * The resource.
     *
     * @return its name
     */
    String resource();

    /**
     * Its host's language.
     *
     * @return {@code lua}, {@code js}, {@code wasm}...
     */
    String language();

    /**
     * Charges one finished call.
     *
     * @param work the work it did, in its host's units (instructions, statements, fuel)
     * @param nanos the time it took
     * @param allocatedBytes what it allocated
     */
    void charge(long work, long nanos, long allocatedBytes);

    /**
     * Charges one finished call and takes its work off a tick's budget at once: what a host does at the end of each
     * call ({@link #charge} and, for a call that counts against the tick, {@link #spend}), in one step.
     *
     * @param tick the server's tick number
     * @param tickBound whether the call counts against the tick's budget
     * @param work the work it did
     * @param nanos the time it took (an estimate: a host may time one call in several and scale)
     * @param allocatedBytes what it allocated
     */
    default void finish(long tick, boolean tickBound, long work, long nanos, long allocatedBytes) {
        if (tickBound) {
            spend(tick, work);
        }
        charge(work, nanos, allocatedBytes);
    }

    /**
     * The lane the resource's own calls are charged through, with one writer at a time: its call bracket. An account
     * that has no cheaper way than {@link #finish} returns a lane that calls it (the default).
     *
     * @return the lane
     * @throws IllegalStateException when an implementation that hands its lane out once was asked before
     */
    default CallLedger ledger() {
        return this::finish;
    }

    /**
     * What is left of the per-tick budget in a tick.
     *
     * @param tick the server's tick number
     * @return the work the resource (and those calling on its behalf) may still do in that tick
     */
    long tickLeft(long tick);

    /**
     * Takes work off a tick's budget.
     *
     * @param tick the server's tick number
     * @param work the work done
     */
    void spend(long tick, long work);

    /**
     * Records the memory the resource keeps, as last measured.
     *
     * @param bytes the retained bytes
     */
    void retained(long bytes);

    /**
     * Counts an offence: a call aborted for breaking a limit (its own or one it caused).
     *
     * @param limit which limit, for the log ({@code instruction budget per tick})
     * @param tick the tick it happened in: offences of one tick count once
     * @return the offences so far
     */
    int offence(String limit, long tick);

    /**
     * The offences so far.
     *
     * @return the count
     */
    int offences();

    /**
     * Counts an event the resource's handler did not see (skipped because the resource is out of budget, or failed).
     *
     * @param event the event name
     */
    void missed(String event);

    /**
     * What the account holds now.
     *
     * @return a snapshot
     */
    AccountSnapshot snapshot();

    /** Closes the account: the resource stopped; it is no longer listed. */
    @Override
    void close();
}
