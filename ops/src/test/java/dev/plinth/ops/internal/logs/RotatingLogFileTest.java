package dev.plinth.ops.internal.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {

    @TempDir
    Path folder;

    @Test
    void rotatesBySizeAndKeepsTheConfiguredNumberOfOldFiles() throws Exception {
        var settings = new LogSettings(1, 2); // 1 KiB, two old files
        String line = "x".repeat(299) + "\n"; // 300 bytes: three fit in 1 KiB
        try (var file = new RotatingLogFile(folder, settings)) {
            for (int i = 0; i < 12; i++) {
                file.append(line);
            }
        }
        assertEquals(3, Files.readAllLines(folder.resolve("latest.log")).size());
        assertEquals(3, Files.readAllLines(folder.resolve("1.log")).size());
        assertEquals(3, Files.readAllLines(folder.resolve("2.log")).size());
        assertFalse(Files.exists(folder.resolve("3.log")), "only two old files are kept");
        try (var files = Files.list(folder)) {
            assertEquals(List.of("1.log", "2.log", "latest.log"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void appendsToTheFileAnEarlierRunLeft() throws Exception {
        Files.writeString(folder.resolve("latest.log"), "from before\n");
        try (var file = new RotatingLogFile(folder, LogSettings.DEFAULTS)) {
            file.append("now\n");
        }
        assertEquals(List.of("from before", "now"), Files.readAllLines(folder.resolve("latest.log")));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogSettings(0, 5)).getMessage()
                .contains("logs.maxSizeKb"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogSettings(10, -1)).getMessage()
                .contains("logs.keep"));
    }
}
