package dev.plinth.core.runtime.progress;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reports the progress of long work in the console, on behalf of the bundle that got the service (a bundle-scoped
 * OSGi service: a language host gets it through its own context, or through a resource's to report for it):
 *
 * <pre>{@code
 * try (ProgressTask task = progress.begin("compiling main.wasm", bytes.length, ProgressUnit.BYTES)) {
 *     ... task.advance(chunk) ...
 * }
 * }</pre>
 *
 * The console shows {@code [welcome] compiling main.wasm: 40% (4.0 of 10.0 MiB)} at most once a second while it
 * runs, and {@code compiling main.wasm: done in 2.3 s} at the end (the lines are INFO log entries of the reporting
 * bundle, so they also reach its log file). Work that ends within a second prints nothing but its end.
 *
 * <p>Thread-safe; reporting costs a clock read per {@link ProgressTask#advance}: advance by chunks, not by byte.
 */
@ProviderType
public interface Progress {

    /**
     * Starts reporting a piece of work.
     *
     * @param what what is being done, lower case, without a final period ({@code hashing client files of welcome})
     * @param total how much there is to do, in {@code unit}s; 0 or less when unknown (then no percentage is shown)
     * @param unit what {@code total} counts
     * @return the task to advance and close
     */
    ProgressTask begin(String what, long total, ProgressUnit unit);
}
