package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.events.internal.TestEvents.BadlyNamed;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Mislabelled;
import dev.plinth.core.events.internal.TestEvents.Pong;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A typed event class that carries its {@code @EventName} is known by that name before any of it is posted. */
class DeclaredEventNameTest {

    private final Bus bus = new Bus();
    private final EventBus view = bus.open("a");
    private final List<String> calls = new ArrayList<>();

    @Nested
    class BeforeTheFirstPost {

        @Test
        void statisticsShowTheDeclaredName() {
            view.subscribe(Pong.class, e -> { });

            assertEquals(List.of(Pong.NAME), view.statistics().stream().map(HandlerStats::event).toList());
        }

        @Test
        void handlersByNameAndByClassAreOrderedTogether() {
            view.subscribe(Pong.class, HandlerOptions.at(EventPriority.HIGH), e -> calls.add("class high"));
            view.subscribe(Pong.NAME, HandlerOptions.at(EventPriority.LOW), e -> calls.add("name low"));
            view.subscribe(Pong.class, HandlerOptions.at(EventPriority.LOW), e -> calls.add("class low"));
            assertEquals(3, bus.dispatcher.handlerCount(new Pong()), "one list, before anything was posted");

            view.post(new Pong());

            assertEquals(List.of("name low", "class low", "class high"), calls);
        }

        @Test
        void hasHandlersByClassIsExact() {
            view.subscribe("test:something_else", HandlerOptions.defaults(), e -> { });
            assertFalse(view.hasHandlers(Pong.class), "handlers of another name do not count");

            view.subscribe(Pong.NAME, HandlerOptions.defaults(), e -> { });
            assertTrue(view.hasHandlers(Pong.class), "a handler of its declared name counts");
        }

        @Test
        void hasHandlersByNameSeesAHandlerOfTheClass() {
            view.subscribe(Pong.class, e -> { });

            assertTrue(view.hasHandlers(Pong.NAME));
        }
    }

    @Nested
    class AWrongDeclaration {

        @Test
        void aDeclaredNameThatDiffersFromNameIsRefusedAtPostThenAtSubscription() {
            var atPost = assertThrows(EventException.class, () -> view.post(new Mislabelled()));
            assertEquals("cannot post " + Mislabelled.class.getName() + ": its @EventName(\"test:declared\") differs "
                    + "from what its name() returns, \"test:actual\"; the two must be equal", atPost.getMessage());

            var atSubscription = assertThrows(EventException.class, () -> view.subscribe(Mislabelled.class, e -> { }));
            assertTrue(atSubscription.getMessage().startsWith("cannot subscribe to " + Mislabelled.class.getName()
                    + ": its @EventName(\"test:declared\") differs"), atSubscription.getMessage());
            assertEquals(List.of(), view.statistics(), "nothing was subscribed");
        }

        @Test
        void aMisdeclaredClassIsRefusedAtPostEvenWhenAlreadySubscribed() {
            view.subscribe(Mislabelled.class, e -> calls.add("ran"));

            assertThrows(EventException.class, () -> view.post(new Mislabelled()));
            assertThrows(EventException.class, () -> view.post(new Mislabelled()), "every time, not once");
            assertEquals(List.of(), calls);
        }

        @Test
        void aMalformedDeclaredNameIsRefusedAtSubscription() {
            var refused = assertThrows(EventException.class, () -> view.subscribe(BadlyNamed.class, e -> { }));

            assertEquals("cannot subscribe to " + BadlyNamed.class.getName() + ": its @EventName(\"Not A Name\") is "
                    + "not an event name: " + NamedEvent.NAME_RULE, refused.getMessage());
        }

        @Test
        void aRefusedClassLeavesTheOtherRegistrationsOfTheSameListenerOut() {
            var listener = new Object() {
                @dev.plinth.core.events.Subscribe
                public void onPong(Pong pong) {
                    calls.add("pong");
                }

                @dev.plinth.core.events.Subscribe
                public void onBadlyNamed(BadlyNamed event) {
                    calls.add("bad");
                }
            };

            assertThrows(EventException.class, () -> view.register(listener));
            view.post(new Pong());

            assertEquals(List.of(), calls);
        }
    }
}
