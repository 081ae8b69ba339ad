package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event bus from the server owner's shell: {@code event:listen}, {@code event:post}, {@code event:stats}. */
class EventShellIT {

    @TempDir
    Path home;

    @Test
    void aPostedEventReachesItsHandlerAndShowsInTheStatistics() throws Exception {
        var run = PlinthInstance.at(home).script(
                "event:listen e2e:ping",
                "event:post e2e:ping count=3 ok=true who=alice",
                "event:stats",
                "event:stats reset",
                "event:stats");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("Listening to e2e:ping"), out);
        assertTrue(out.matches("(?s).*\\[event] e2e:ping \\{count=3, ok=true, who=alice} from console, correlation "
                + "[0-9a-f]+-[0-9a-f]+\n.*"), "the listener printed the event with its envelope:\n" + out);
        assertTrue(out.contains("Posted e2e:ping{count=3, ok=true, who=alice} to 1 handler."), out);
        assertTrue(out.matches("(?s).*owner\\s+event\\s+location\\s+priority\\s+calls\\s+errors\\s+total ms\\s+mean µs"
                + "\\s+max µs\n.*"), "the table header:\n" + out);
        assertTrue(out.matches("(?s).*\nconsole\\s+e2e:ping\\s+event:listen\\s+MONITOR\\s+1\\s+0\\s+\\d+\\.\\d{3}.*"),
                "one call of the console's listener:\n" + out);
        assertTrue(out.contains("Event handler statistics reset."), out);
        assertTrue(out.matches("(?s).*\nconsole\\s+e2e:ping\\s+event:listen\\s+MONITOR\\s+0\\s+0\\s+0\\.000.*"),
                "the counts start over after a reset:\n" + out);
    }

    @Test
    void aBadEventNameOrValueGivesAClearError() throws Exception {
        var run = PlinthInstance.at(home).script("event:post 'Not A Name'", "event:post e2e:ping novalue",
                "event:stats");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("ERROR: invalid event name 'Not A Name'"), run.output());
        assertTrue(run.output().contains("ERROR: expected key=value, not 'novalue'"), run.output());
    }
}
