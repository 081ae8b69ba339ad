package dev.plinth.core.sandbox.account;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The lane of an {@link Account} that its own resource's calls are charged through: it has one writer at a time (the
 * resource's call bracket, whose calls the host serializes), so a charge is a few ordered stores and no atomic
 * instruction, where {@link Account#finish} must be safe for any number of writers. What is charged here is part of
 * the account at once for its readers ({@link Account#tickLeft}, {@link Account#snapshot}); each figure is exact, and
 * the figures of one snapshot taken while a call is being charged may be that one call apart.
 *
 * <p>Threads: one writer at a time, and each writer's charges happen-before the next writer's (what a host that runs a
 * resource's calls one at a time gives, even when they run on several threads). Calls made on the resource's behalf by
 * other resources' brackets are charged through {@link Account#finish}, never here.
 */
@ProviderType
public interface CallLedger {

    /**
     * Charges one finished call of the resource and, when it counts against the tick, takes its work off the tick's
     * budget: what {@link Account#finish} does, for the lane's single writer.
     *
     * @param tick the server's tick number
     * @param tickBound whether the call counts against the tick's budget
     * @param work the work it did, in its host's units; nothing is taken when it is negative
     * @param nanos the time it took (an estimate: a host may time one call in several and scale)
     * @param allocatedBytes what it allocated
     */
    void finish(long tick, boolean tickBound, long work, long nanos, long allocatedBytes);
}
