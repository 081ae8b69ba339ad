package dev.plinth.core.runtime.scheduler;

import org.osgi.annotation.versioning.ProviderType;

/** A scheduled task. Thread-safe. */
@ProviderType
public interface Task {

    /**
     * The task's number, unique on this server while it runs.
     *
     * @return the id
     */
    long id();

    /**
     * The resource that scheduled it.
     *
     * @return the resource name
     */
    String owner();

    /**
     * Cancels the task: it runs no more after this call (on the game thread, not even later in the current tick).
     *
     * @return {@code true} when it was still scheduled
     */
    boolean cancel();

    /**
     * Whether the task will still run.
     *
     * @return {@code false} once cancelled, once its resource stopped, or once a one-shot task ran
     */
    boolean isScheduled();
}
