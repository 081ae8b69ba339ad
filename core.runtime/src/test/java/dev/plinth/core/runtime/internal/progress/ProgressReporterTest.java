package dev.plinth.core.runtime.internal.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.runtime.progress.ProgressUnit;
import dev.plinth.core.runtime.testing.TestLogger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private final TestLogger log = new TestLogger();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void printsAtMostOneLineASecondAndTheEnd() {
        try (var task = new ProgressReporter(log.logger(), "compiling main.wasm", 10 << 20, ProgressUnit.BYTES,
                clock::get)) {
            task.advance(1 << 20);
            clock.addAndGet(600_000_000L);
            task.advance(1 << 20);                 // 0.6 s: nothing yet
            clock.addAndGet(500_000_000L);
            task.advance(2 << 20);                 // 1.1 s: a line
            task.advance(1 << 20);                 // at once again: nothing
            clock.addAndGet(1_000_000_000L);
        }
        assertEquals(List.of("INFO compiling main.wasm: 40% (4.0 MiB of 10.0 MiB)",
                "INFO compiling main.wasm: done in 2.1 s (5.0 MiB)"), log.lines());
    }

    @Test
    void anUnknownTotalShowsWhatIsDoneAndAFailureEndsIt() {
        var task = new ProgressReporter(log.logger(), "hashing client files", 0, ProgressUnit.ITEMS, clock::get);
        clock.addAndGet(1_000_000_000L);
        task.advance(12);
        task.fail("disk full");
        task.close();                              // already ended: nothing more
        assertEquals(List.of("INFO hashing client files: 12 so far",
                "WARN hashing client files: failed after 1.0 s (12 so far): disk full"), log.lines());
    }
}
