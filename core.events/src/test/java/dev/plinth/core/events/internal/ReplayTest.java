package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Chat;
import dev.plinth.core.events.internal.TestEvents.Ping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** A replay reaches the handlers of one bundle only, in the usual order, with the usual cancellation rules. */
class ReplayTest {

    private final Bus bus = new Bus();
    private final Bundle reloaded = Bus.bundle(7);
    private final Bundle other = Bus.bundle(8);
    private final EventBus server = bus.open("server");
    private final EventBus mine = bus.open("mine", reloaded);
    private final EventBus theirs = bus.open("theirs", other);
    private final List<String> calls = new ArrayList<>();

    @Test
    void aReplayReachesTheHandlersOfThatBundleOnly() {
        mine.subscribe(Ping.class, e -> calls.add("mine typed"));
        mine.subscribe("test:ping", HandlerOptions.defaults(), e -> calls.add("mine named"));
        theirs.subscribe(Ping.class, e -> calls.add("theirs"));
        server.subscribe(Ping.class, e -> calls.add("server"));

        Ping ping = new Ping();
        assertSame(ping, server.replay(ping, reloaded));

        assertEquals(List.of("mine typed", "mine named"), calls);
        calls.clear();
        server.post(new Ping());
        assertEquals(List.of("server", "mine typed", "mine named", "theirs"), calls, "ordinary posts reach everyone");
    }

    @Test
    void aReplayKeepsPrioritiesCancellationAndMonitors() {
        mine.subscribe(Chat.class, HandlerOptions.at(EventPriority.MONITOR), e -> calls.add("monitor " + e.isCancelled()));
        mine.subscribe(Chat.class, HandlerOptions.at(EventPriority.HIGH), e -> calls.add("high"));
        mine.subscribe(Chat.class, HandlerOptions.at(EventPriority.LOW), e -> {
            calls.add("low");
            e.setCancelled(true);
        });

        server.replay(new Chat("hi"), reloaded);

        assertEquals(List.of("low", "monitor true"), calls);
    }

    @Test
    void aReplayToABundleWithoutHandlersDoesNothing() {
        theirs.subscribe(Ping.class, e -> calls.add("theirs"));

        server.replay(new Ping(), reloaded);

        assertEquals(List.of(), calls);
    }

    @Test
    void replayedCallsAreCounted() {
        mine.subscribe(Ping.class, e -> calls.add("mine"));

        server.replay(new Ping(), reloaded);
        server.replay(new Ping(), reloaded);
        server.post(new Ping());

        HandlerStats stats = server.statistics().getFirst();
        assertEquals(3, stats.calls(), stats.toString());
    }

    @Test
    void camelCaseAndNestedNamespacesAreEventNames() {
        server.subscribe("core:hotReload:complete", HandlerOptions.defaults(), e -> calls.add(e.name()));

        server.post("core:hotReload:complete", java.util.Map.of("resourceName", "chat", "ms", 14));

        assertEquals(List.of("core:hotReload:complete"), calls);
        assertTrue(dev.plinth.core.events.NamedEvent.NAME.matcher("playerConnect").matches());
    }
}
