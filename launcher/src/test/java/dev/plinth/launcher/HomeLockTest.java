package dev.plinth.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeLockTest {

    @TempDir
    Path home;

    @Test
    void aHomeIsHeldByOneLockAtATimeAndTheLockFileNamesItsHolder() throws Exception {
        try (HomeLock held = HomeLock.acquire(home.resolve("fresh"))) {
            String content = Files.readString(home.resolve("fresh").resolve(HomeLock.FILE));
            assertTrue(content.startsWith("pid " + ProcessHandle.current().pid() + ", started "), content);

            var refused = assertThrows(LaunchException.class, () -> HomeLock.acquire(home.resolve("fresh")));

            assertEquals(HomeLock.HOME_IN_USE, refused.exitCode());
            assertTrue(refused.getMessage().startsWith("plinth: the home " + home.resolve("fresh")
                    + " is in use by another Plinth process (pid " + ProcessHandle.current().pid()), refused.getMessage());
        }
        try (HomeLock again = HomeLock.acquire(home.resolve("fresh"))) {
            assertTrue(Files.exists(home.resolve("fresh").resolve(HomeLock.FILE)), "free again once released");
        }
    }
}
