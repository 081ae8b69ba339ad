package dev.plinth.core.runtime.progress;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One piece of work being reported by {@link Progress}. Closing it reports its end (once; later calls do nothing).
 *
 * <p>Thread-safe: several threads may advance one task.
 */
@ProviderType
public interface ProgressTask extends AutoCloseable {

    /**
     * Records more work done; prints a progress line when the last was a second or more ago.
     *
     * @param amount how much, in the task's unit
     */
    void advance(long amount);

    /**
     * The work failed: its end is reported with the reason instead of "done".
     *
     * @param reason why, one sentence
     */
    void fail(String reason);

    /** The work is done: reports how long it took (unless {@link #fail} reported its end already). */
    @Override
    void close();
}
