package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.internal.TestEvents.Bus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The envelope shows the payload's fields in the order the event gives them, as scripts and logs read them. */
class EnvelopeOrderTest {

    /** Enough keys, in reverse order, that a hashed map would not keep them by chance. */
    private static Map<String, Object> reversed() {
        var payload = new LinkedHashMap<String, Object>();
        for (int i = 20; i > 0; i--) {
            payload.put("field_" + i, i);
        }
        return payload;
    }

    @Test
    void anEnvelopeKeepsThePayloadOrder() {
        Map<String, Object> payload = reversed();

        var envelope = new EventEnvelope("test:order", payload, "a", Optional.empty(), 0, "c", 1);

        assertEquals(List.copyOf(payload.keySet()), List.copyOf(envelope.payload().keySet()));
    }

    @Test
    void anEnvelopePayloadIsAnUnmodifiableCopy() {
        Map<String, Object> payload = reversed();
        var envelope = new EventEnvelope("test:order", payload, "a", Optional.empty(), 0, "c", 1);

        payload.put("later", 0);

        assertEquals(20, envelope.payload().size());
        assertThrows(UnsupportedOperationException.class, () -> envelope.payload().put("x", 1));
    }

    @Test
    void anEnvelopeRefusesANullPayloadValue() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("missing", null);

        assertThrows(NullPointerException.class,
                () -> new EventEnvelope("test:order", payload, "a", Optional.empty(), 0, "c", 1));
    }

    @Test
    void theEnvelopeOfANamedEventInADispatchKeepsThePostedOrder() {
        EventBus view = new Bus().open("a");
        var seen = new ArrayList<String>();
        view.subscribe("test:order", HandlerOptions.defaults(),
                e -> seen.addAll(view.currentEnvelope().orElseThrow().payload().keySet()));

        view.post("test:order", reversed());

        assertEquals(List.copyOf(reversed().keySet()), seen);
    }
}
