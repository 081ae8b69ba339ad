package dev.plinth.client.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressViewTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void onATerminalDrawsABarOverTheLastOne() {
        var view = new ProgressView(lines::add, true, now::get);
        view.begin(4, 4 * 1024 * 1024, 1);
        view.progress(1, 4, 1024 * 1024, 4 * 1024 * 1024, "maps");
        view.progress(2, 4, 2 * 1024 * 1024, 4 * 1024 * 1024, "maps");
        view.progress(4, 4, 4 * 1024 * 1024, 4 * 1024 * 1024, "hud");
        now.addAndGet(2_500_000_000L);
        view.complete(4, 4 * 1024 * 1024);
        assertEquals(List.of(
                "transfer: 4 file(s) to download (4.0 MiB), 1 in the cache",
                "\r[#######                       ]  25% 1/4 files 1.0 MiB/4.0 MiB maps",
                "\r[###############               ]  50% 2/4 files 2.0 MiB/4.0 MiB maps",
                "\r[##############################] 100% 4/4 files 4.0 MiB/4.0 MiB hud",
                "transfer complete: 4 file(s), 4.0 MiB in 2.5 s"), lines);
    }

    @Test
    void anEmptyTransferShowsAFullBar() {
        var view = new ProgressView(lines::add, true, now::get);
        view.progress(0, 0, 0, 0, "empty");
        assertEquals("\r[##############################] 100% 0/0 files 0 B/0 B empty", lines.getFirst());
    }

    @Test
    void elsewherePrintsAProgressLineAtMostOnceASecond() {
        var view = new ProgressView(lines::add, false, now::get);
        view.begin(3, 3000, 0);
        view.progress(1, 3, 1000, 3000, "maps");
        now.addAndGet(400_000_000L);
        view.progress(2, 3, 2000, 3000, "maps"); // within the second: not shown
        now.addAndGet(700_000_000L);
        view.progress(3, 3, 3000, 3000, "hud");
        view.complete(3, 3000);
        assertEquals(List.of(
                "transfer: 3 file(s) to download (2.9 KiB), 0 in the cache",
                "progress: 1/3 files, 1000 B of 2.9 KiB (maps)",
                "progress: 3/3 files, 2.9 KiB of 2.9 KiB (hud)",
                "transfer complete: 3 file(s), 2.9 KiB in 1.1 s"), lines);
    }

    @Test
    void beforeTheFirstFileIsDoneNoResourceIsNamed() {
        var view = new ProgressView(lines::add, false, now::get);
        view.progress(0, 2, 288, 607, "");
        assertEquals(List.of("progress: 0/2 files, 288 B of 607 B"), lines);
    }

    @Test
    void writesBytesAsAUserReadsThem() {
        assertEquals("512 B", ProgressView.bytes(512));
        assertEquals("4.0 KiB", ProgressView.bytes(4096));
        assertEquals("1.5 MiB", ProgressView.bytes(1024 * 1024 * 3 / 2));
    }
}
