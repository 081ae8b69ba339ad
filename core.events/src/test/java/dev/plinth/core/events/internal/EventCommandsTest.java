package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.events.internal.TestEvents.Bus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code event:post}, {@code event:stats} and {@code event:listen} on a dispatcher outside the shell. */
class EventCommandsTest {

    private final Bus bus = new Bus();
    private final EventCommands commands = new EventCommands(bus.dispatcher);
    private final EventBus plugin = bus.open("greeter");

    @Test
    void postReadsNumbersBooleansAndStringsAndPostsAsTheConsole() {
        var received = new ArrayList<Object>();
        plugin.subscribe("test:hello", HandlerOptions.defaults(), e -> {
            received.add(e.payload());
            received.add(plugin.currentEnvelope().orElseThrow().source());
        });

        String result = commands.post("test:hello", "count=3", "ratio=0.5", "loud=true", "who=alice", "empty=");

        assertEquals(List.of(Map.of("count", 3L, "ratio", 0.5, "loud", true, "who", "alice", "empty", ""), "console"),
                received);
        assertTrue(result.startsWith(
                "Posted test:hello{count=3, ratio=0.5, loud=true, who=alice, empty=} to 1 handler"), result);
    }

    @Test
    void postSaysWhenTheEventWasCancelled() {
        plugin.subscribe("test:hello", HandlerOptions.defaults(), e -> ((NamedEvent) e).cancel());

        assertTrue(commands.post("test:hello").endsWith("; it was cancelled."));
    }

    @Test
    void postRefusesAValueWithoutKeyAndABadName() {
        var bad = assertThrows(IllegalArgumentException.class, () -> commands.post("test:hello", "novalue"));
        assertTrue(bad.getMessage().contains("'novalue'"), bad.getMessage());
        assertThrows(EventException.class, () -> commands.post("Not A Name"));
    }

    @Test
    void statsListsEveryHandlerSlowestFirstWithItsColumns() {
        plugin.subscribe("test:hello", HandlerOptions.defaults().withLocation("main.lua:3"), e -> Thread.sleep(2));
        plugin.subscribe("test:hello", HandlerOptions.defaults().withLocation("main.lua:9"), e -> { });
        commands.post("test:hello");

        String table = commands.stats();
        List<String> lines = table.lines().toList();

        assertTrue(lines.getFirst().matches("owner\\s+event\\s+location\\s+priority\\s+calls\\s+errors\\s+total ms"
                + "\\s+mean µs\\s+max µs"), table);
        assertTrue(lines.get(1).matches("greeter\\s+test:hello\\s+main\\.lua:3\\s+NORMAL\\s+1\\s+0\\s+\\d+\\.\\d{3}\\s+"
                + "\\d+\\.\\d{3}\\s+\\d+\\.\\d"), table);
        assertTrue(lines.get(2).contains("main.lua:9"), table);
        assertTrue(lines.getLast().startsWith("2 handlers; every call timed"), table);
    }

    @Test
    void statsResetStartsTheCountsOver() {
        plugin.subscribe("test:hello", HandlerOptions.defaults(), e -> { });
        commands.post("test:hello");

        assertEquals("Event handler statistics reset.", commands.stats("reset"));
        assertEquals(0, plugin.statistics().getFirst().calls());
        assertThrows(IllegalArgumentException.class, () -> commands.stats("nonsense"));
    }

    @Test
    void statsWithoutHandlersSaysSo() {
        assertEquals("No event handlers are subscribed.", commands.stats());
    }

    @Test
    void listenSubscribesAMonitorHandlerOfTheConsoleUntilUnlisten() {
        assertTrue(commands.listen("test:hello").startsWith("Listening to test:hello"));
        assertTrue(commands.listen("test:hello").startsWith("Already"));
        commands.post("test:hello", "n=1");

        var stats = plugin.statistics().getFirst();
        assertEquals("console", stats.owner());
        assertEquals("event:listen", stats.location());
        assertEquals(1, stats.calls());

        assertTrue(commands.unlisten("test:hello").startsWith("Stopped"));
        assertTrue(commands.unlisten("test:hello").startsWith("Not listening"));
        assertEquals(List.of(), plugin.statistics());
    }

    @Test
    void deactivatingTheCommandsRemovesTheirListeners() {
        commands.listen("test:hello");
        commands.close();

        assertEquals(List.of(), plugin.statistics());
    }
}
