package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Chat;
import dev.plinth.core.events.internal.TestEvents.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed and named events are one system: a handler by name sees both; a handler by class sees its class. */
class NamedEventsTest {

    private final Bus bus = new Bus();
    private final EventBus view = bus.open("a");
    private final List<Event> received = new ArrayList<>();

    @Test
    void aHandlerByNameReceivesTheTypedEventOfThatName() {
        view.subscribe("test:ping", HandlerOptions.defaults(), received::add);

        Ping ping = view.post(new Ping(7));

        assertEquals(List.of(ping), received);
        assertEquals(Map.of("number", 7), received.getFirst().payload());
    }

    @Test
    void aHandlerByNameSubscribedAfterTheClassWasFirstPostedSeesIt() {
        view.post(new Ping());
        view.subscribe("test:ping", HandlerOptions.defaults(), received::add);

        view.post(new Ping());

        assertEquals(1, received.size());
    }

    @Test
    void aNamedEventReachesTheHandlersOfItsNameOnly() {
        view.subscribe("test:hello", HandlerOptions.defaults(), received::add);
        view.subscribe("test:other", HandlerOptions.defaults(), e -> received.add(null));

        NamedEvent event = view.post("test:hello", Map.of("who", "alice", "count", 3));

        assertEquals(List.of(event), received);
        assertEquals(Map.of("who", "alice", "count", 3), event.payload());
    }

    @Test
    void aNamedEventOfATypedEventsNameDoesNotReachTheClassHandlers() {
        view.subscribe(Ping.class, e -> received.add(e));
        view.subscribe("test:ping", HandlerOptions.defaults(), received::add);

        NamedEvent named = view.post("test:ping", Map.of());

        assertEquals(List.of(named), received, "only the handler by name: the class handler takes a Ping");
    }

    @Test
    void aHandlerOfTheNamedEventClassReceivesEveryNamedEvent() {
        view.subscribe(NamedEvent.class, received::add);

        view.post("test:one", Map.of());
        view.post("test:two", Map.of());
        view.post(new Ping());

        assertEquals(List.of("test:one", "test:two"), received.stream().map(Event::name).toList());
    }

    @Test
    void aNamedEventPostedAsAnObjectFindsItsHandlersByName() {
        view.subscribe("test:hello", HandlerOptions.defaults(), received::add);

        view.post(NamedEvent.of("test:hello", Map.of()));

        assertEquals(1, received.size());
    }

    @Test
    void handlersByNameSeeTheChangesOfEarlierTypedHandlers() {
        view.subscribe(Chat.class, e -> e.message("changed"));
        view.subscribe("test:chat", HandlerOptions.at(dev.plinth.core.events.EventPriority.HIGH),
                e -> received.add(NamedEvent.of("test:seen", e.payload())));

        view.post(new Chat("original"));

        assertEquals(Map.of("message", "changed"), received.getFirst().payload());
    }

    @Test
    void malformedNamesAreRefused() {
        var refused = assertThrows(EventException.class,
                () -> view.subscribe("Bad Name", HandlerOptions.defaults(), received::add));
        assertTrue(refused.getMessage().contains("Bad Name"), refused.getMessage());
        assertThrows(EventException.class, () -> view.post("Bad Name", Map.of()));
    }

    @Test
    void aPayloadOfOtherValuesIsRefused() {
        var refused = assertThrows(EventException.class, () -> view.post("test:x", Map.of("when", new Object())));
        assertTrue(refused.getMessage().contains("when"), refused.getMessage());
    }

    @Test
    void hasHandlersByNameSeesHandlersByNameAndByTypedClassOfThatName() {
        assertFalse(view.hasHandlers("test:ping"));
        var byName = view.subscribe("test:ping", HandlerOptions.defaults(), received::add);
        assertTrue(view.hasHandlers("test:ping"));
        byName.close();
        assertFalse(view.hasHandlers("test:ping"));

        view.subscribe(Ping.class, e -> { });
        view.post(new Ping()); // the bus learns the name of the class
        assertTrue(view.hasHandlers("test:ping"));
        assertFalse(view.hasHandlers("test:other"));
    }
}
