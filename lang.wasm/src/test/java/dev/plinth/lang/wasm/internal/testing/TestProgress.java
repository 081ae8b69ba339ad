package dev.plinth.lang.wasm.internal.testing;

import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.progress.ProgressTask;
import dev.plinth.core.runtime.progress.ProgressUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Progress for tests that run the loader without core.runtime's service: it keeps what was reported, one entry per
 * call ({@code begin WHAT (TOTAL)}, {@code advance N}, {@code failed: REASON}, {@code done}).
 */
public final class TestProgress implements Progress {

    private final List<String> reported = new CopyOnWriteArrayList<>();

    /** {@return what was reported so far} */
    public List<String> reported() {
        return List.copyOf(reported);
    }

    @Override
    public ProgressTask begin(String what, long total, ProgressUnit unit) {
        reported.add("begin " + what + " (" + unit.format(total) + ")");
        return new ProgressTask() {
            @Override
            public void advance(long amount) {
                reported.add("advance " + amount);
            }

            @Override
            public void fail(String reason) {
                reported.add("failed: " + reason);
            }

            @Override
            public void close() {
                reported.add("done");
            }
        };
    }
}
