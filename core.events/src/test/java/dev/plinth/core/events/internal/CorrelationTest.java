package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The envelope of the event being handled, and the correlation id shared by a chain of nested posts. */
class CorrelationTest {

    private final Bus bus = new Bus();
    private final EventBus game = bus.open("server");
    private final EventBus plugin = bus.open("greeter");
    private final List<EventEnvelope> envelopes = new ArrayList<>();

    @Test
    void theEnvelopeDescribesTheEventBeingHandled() {
        plugin.subscribe(Ping.class, e -> envelopes.add(plugin.currentEnvelope().orElseThrow()));
        long before = System.currentTimeMillis();

        game.post(new Ping(4), "alice");

        EventEnvelope envelope = envelopes.getFirst();
        assertEquals("test:ping", envelope.name());
        assertEquals(Map.of("number", 4), envelope.payload());
        assertEquals("server", envelope.source(), "the owner of the view that posted");
        assertEquals(Optional.of("alice"), envelope.target());
        assertEquals(EventEnvelope.CURRENT_VERSION, envelope.version());
        assertTrue(envelope.timestamp() >= before && envelope.timestamp() <= System.currentTimeMillis());
        assertTrue(!envelope.correlationId().isBlank());
    }

    @Test
    void thereIsNoEnvelopeOutsideADispatch() {
        assertEquals(Optional.empty(), game.currentEnvelope());
        plugin.subscribe(Ping.class, e -> { });
        game.post(new Ping());
        assertEquals(Optional.empty(), game.currentEnvelope());
    }

    @Test
    void eachRootPostStartsANewChain() {
        plugin.subscribe(Ping.class, e -> envelopes.add(plugin.currentEnvelope().orElseThrow()));

        game.post(new Ping());
        game.post(new Ping());

        assertNotEquals(envelopes.get(0).correlationId(), envelopes.get(1).correlationId());
    }

    @Test
    void anEventPostedWhileHandlingAnotherCarriesItsCorrelationId() {
        plugin.subscribe(Ping.class, e -> {
            envelopes.add(plugin.currentEnvelope().orElseThrow());
            if (e.number < 2) {
                plugin.post("greeter:welcome", Map.of("depth", e.number));
                plugin.post(new Ping(e.number + 1));
            }
            envelopes.add(plugin.currentEnvelope().orElseThrow());
        });
        game.subscribe("greeter:welcome", HandlerOptions.defaults(),
                e -> envelopes.add(game.currentEnvelope().orElseThrow()));

        game.post(new Ping(0));

        assertEquals(8, envelopes.size(), "pings 0, 1, 2 before and after their nested posts, and two welcomes");
        String chain = envelopes.getFirst().correlationId();
        for (EventEnvelope envelope : envelopes) {
            assertEquals(chain, envelope.correlationId(), envelope.toString());
        }
        assertEquals("server", envelopes.getFirst().source());
        assertEquals("greeter", envelopes.get(1).source(), "the welcome was posted by the plugin");
        assertEquals("greeter:welcome", envelopes.get(1).name());
        assertEquals("test:ping", envelopes.getLast().name(), "after a nested post, the outer event is current again");
    }

    @Test
    void aPostFromAnotherThreadStartsItsOwnChain() {
        plugin.subscribe(Ping.class, e -> envelopes.add(plugin.currentEnvelope().orElseThrow()));
        plugin.subscribe("test:async", HandlerOptions.defaults(), e -> {
            envelopes.add(plugin.currentEnvelope().orElseThrow());
            CompletableFuture.runAsync(() -> plugin.post(new Ping())).join();
        });

        game.post("test:async", Map.of());

        assertEquals(2, envelopes.size());
        assertNotEquals(envelopes.get(0).correlationId(), envelopes.get(1).correlationId());
    }

    @Test
    void aHandlerLoopIsCutAtAFixedDepth() {
        int[] depth = new int[1];
        plugin.subscribe(Ping.class, HandlerOptions.defaults().withLocation("looping"), e -> {
            depth[0]++;
            plugin.post(new Ping());
        });

        game.post(new Ping());

        assertEquals(DispatchContext.MAX_DEPTH, depth[0]);
        HandlerStats looping = plugin.statistics().getFirst();
        assertEquals(1, looping.errors(), "the innermost handler's post is refused, and that handler counts the error");
        assertEquals(EventPriority.NORMAL, looping.priority());
    }
}
