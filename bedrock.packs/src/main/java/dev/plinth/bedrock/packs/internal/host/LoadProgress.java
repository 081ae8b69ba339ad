package dev.plinth.bedrock.packs.internal.host;

import dev.plinth.bedrock.packs.internal.load.PackLoader;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.progress.ProgressTask;
import dev.plinth.core.runtime.progress.ProgressUnit;
import org.jspecify.annotations.Nullable;

/**
 * How far the reading of one pack is, told to the console through core.runtime's {@link Progress}
 * ({@code reading behavior pack vanilla: 40% (1200 of 3000 files)} once a second while it runs, then its end).
 *
 * <p>Thread-safe: the loader's threads report as they finish files.
 */
final class LoadProgress implements PackLoader.Progress, AutoCloseable {

    private final Progress progress;
    private final String what;
    private @Nullable ProgressTask task;
    private int reported;

    /**
     * Prepares the report; it begins when the loader knows how many files there are.
     *
     * @param progress the host's progress service
     * @param pack the pack's name
     */
    LoadProgress(Progress progress, String pack) {
        this.progress = progress;
        this.what = "reading behavior pack " + pack;
    }

    @Override
    public synchronized void update(int done, int total) {
        if (task == null) {
            task = progress.begin(what, total, ProgressUnit.ITEMS);
        }
        if (done > reported) {
            task.advance(done - reported);
            reported = done;
        }
    }

    /**
     * Ends the report with a failure.
     *
     * @param reason why the pack could not be read
     */
    synchronized void fail(String reason) {
        if (task == null) {
            task = progress.begin(what, 0, ProgressUnit.ITEMS);
        }
        task.fail(reason);
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.close();
        }
    }
}
