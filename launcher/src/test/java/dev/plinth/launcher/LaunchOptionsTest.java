package dev.plinth.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path INSTALL = Path.of("/opt/plinth");

    @Test
    void homeDefaultsToTheInstallation() {
        var options = LaunchOptions.parse(new String[0], INSTALL, true);
        assertEquals(INSTALL, options.home());
        assertEquals(ConsoleMode.INTERACTIVE, options.consoleMode());
    }

    @Test
    void stdinThatIsNotATerminalMeansBatch() {
        var options = LaunchOptions.parse(new String[] {"--home", "/srv/a"}, INSTALL, false);
        assertEquals(Path.of("/srv/a"), options.home());
        assertEquals(ConsoleMode.BATCH, options.consoleMode());
    }

    @Test
    void execWinsOverTheTerminal() {
        var options = LaunchOptions.parse(new String[] {"--exec", "lb"}, INSTALL, true);
        assertEquals(ConsoleMode.EXEC, options.consoleMode());
        assertEquals(Optional.of("lb"), options.execCommand());
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        var e = assertThrows(LaunchException.class, () -> LaunchOptions.parse(new String[] {"--hoem", "x"}, INSTALL, true));
        assertEquals(LaunchOptions.USAGE_ERROR, e.exitCode());
        assertTrue(e.getMessage().startsWith("unknown argument '--hoem'"), e.getMessage());
    }

    @Test
    void aMissingValueIsAUsageError() {
        var e = assertThrows(LaunchException.class, () -> LaunchOptions.parse(new String[] {"--home"}, INSTALL, true));
        assertTrue(e.getMessage().startsWith("--home needs a value"), e.getMessage());
    }
}
