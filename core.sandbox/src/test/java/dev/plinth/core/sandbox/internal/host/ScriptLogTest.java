package dev.plinth.core.sandbox.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

/** A resource's log as the operator's console receives it: one escaped line per call, at most its rate. */
class ScriptLogTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    Object[] values = args.length == 2 && args[1] instanceof Object[] array ? array
                            : java.util.Arrays.copyOfRange(args, 1, args.length);
                    String line = format;
                    for (Object value : values) {
                        line = line.replaceFirst("\\{}", Matcher.quoteReplacement(String.valueOf(value)));
                    }
                    lines.add(method.getName().toUpperCase(java.util.Locale.ROOT) + " " + line);
                }
                return null;
            });

    @Test
    void controlAndFormatCharactersAreEscaped() {
        assertEquals("x\\n[12:00:00 ERROR] FORGED\\x1B[2J\\r", ConsoleLine.escape("x\n[12:00:00 ERROR] FORGED\u001b[2J\r"));
        assertEquals("a\tb", ConsoleLine.escape("a\tb"), "tabs separate print's values");
        assertEquals("evil\\u{202E}txt", ConsoleLine.escape("evil\u202etxt"), "bidirectional overrides");
        assertEquals("été ✓", ConsoleLine.escape("été ✓"));
    }

    @Test
    void aPrintIsOneConsoleLine() {
        var log = new RateLimitedLog(logger, "forger", 10, clock::get);
        log.print("x\n[plinth] ERROR FORGED");
        assertEquals(List.of("INFO x\\n[plinth] ERROR FORGED"), lines);
    }

    @Test
    void aFloodIsCutAtTheRateAndTheDropsAreReported() {
        var log = new RateLimitedLog(logger, "flooder", 10, clock::get);
        for (int i = 0; i < 1000; i++) {
            log.print("line " + i);
        }
        assertEquals(40, lines.size(), "a burst of four seconds' worth");
        assertEquals(960, log.dropped());
        clock.addAndGet(1_000_000_000L);
        log.print("after a second");
        assertEquals("WARN 960 line(s) of flooder dropped: it logged more than 10 lines per second "
                + "(sandbox.log_lines_per_second)", lines.get(40));
        assertEquals("INFO after a second", lines.get(41));
        log.fatal("stopped");
        assertEquals("ERROR stopped", lines.getLast());
    }

    @Test
    void fatalLinesAreNeverDropped() {
        var log = new RateLimitedLog(logger, "flooder", 1, clock::get);
        for (int i = 0; i < 100; i++) {
            log.error("failing");
        }
        log.fatal("flooder stopped for breaking its limits");
        assertEquals("WARN 96 line(s) of flooder dropped: it logged more than 1 lines per second "
                + "(sandbox.log_lines_per_second)", lines.get(4));
        assertEquals("ERROR flooder stopped for breaking its limits", lines.getLast());
    }
}
