package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.Subscribe;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Chat;
import dev.plinth.core.events.internal.TestEvents.Ping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code register(listener)}: {@code @Subscribe} methods validated and bound once, never called reflectively. */
class ListenerRegistrationTest {

    private final Bus bus = new Bus();
    private final EventBus view = bus.open("a");

    /** A well-formed listener. */
    public static class Greeter {
        final List<String> calls = new ArrayList<>();

        @Subscribe
        public void onPing(Ping ping) {
            calls.add("ping " + ping.number);
        }

        @Subscribe(priority = EventPriority.LOW)
        public void cancelChat(Chat chat) {
            calls.add("cancel");
            chat.cancel();
        }

        @Subscribe
        public void afterCancel(Chat chat) {
            calls.add("skipped");
        }

        @Subscribe(priority = EventPriority.HIGH, receiveCancelled = true)
        public void seesCancelled(Chat chat) {
            calls.add("sees cancelled " + chat.isCancelled());
        }

        public void notAHandler(Ping ping) {
            calls.add("not a handler");
        }
    }

    /** A listener class that is not public, with a handler in its superclass. */
    static final class Derived extends Greeter {
        @Subscribe
        public void alsoPing(Ping ping) {
            calls.add("also ping");
        }
    }

    @Test
    void everySubscribeMethodIsBoundWithItsPriorityAndCancellationChoice() {
        var greeter = new Greeter();
        var subscription = view.register(greeter);

        view.post(new Ping(1));
        view.post(new Chat("hi"));

        assertEquals(List.of("ping 1", "cancel", "sees cancelled true"), greeter.calls);
        assertTrue(subscription.isActive());
    }

    @Test
    void handlersAreLocatedByClassAndMethod() {
        view.register(new Greeter());

        var locations = view.statistics().stream().map(HandlerStats::location).sorted().toList();

        String greeter = Greeter.class.getName();
        assertEquals(List.of(greeter + ".afterCancel", greeter + ".cancelChat", greeter + ".onPing",
                greeter + ".seesCancelled"), locations);
    }

    @Test
    void equalPrioritiesOfOneListenerRunInTheOrderOfTheirMethodNames() {
        var derived = new Derived();
        view.register(derived);

        view.post(new Ping(2));

        assertEquals(List.of("also ping", "ping 2"), derived.calls, "alsoPing < onPing, superclass methods included");
    }

    @Test
    void oneSubscriptionUnsubscribesEveryMethod() {
        var greeter = new Greeter();
        var subscription = view.register(greeter);

        subscription.close();
        view.post(new Ping());
        view.post(new Chat("x"));

        assertEquals(List.of(), greeter.calls);
        assertFalse(subscription.isActive());
    }

    @Test
    void methodsRunThroughAGeneratedHiddenClassNotReflection() {
        var greeter = new Greeter() {
            @Override
            public void onPing(Ping ping) {
                // Hidden classes and method handle forms are left out of stack traces: the dispatcher is the caller.
                var trace = new Throwable().getStackTrace();
                calls.add(trace[1].getClassName());
            }
        };
        view.register(greeter);

        view.post(new Ping());

        assertEquals(List.of(EventDispatcher.class.getName()), greeter.calls, "no reflection frame in between");
    }

    @Nested
    class BadListenersAreRefused {

        private void assertRefused(Object listener, String reason) {
            var refused = assertThrows(EventException.class, () -> view.register(listener));
            assertTrue(refused.getMessage().contains(reason), refused.getMessage());
            assertTrue(refused.getMessage().contains(listener.getClass().getName()), refused.getMessage());
            assertEquals(List.of(), view.statistics(), "nothing of a refused listener is subscribed");
        }

        @Test
        void aListenerWithoutHandlers() {
            assertRefused(new Object(), "has no @Subscribe method");
        }

        @Test
        void aMethodThatIsNotPublic() {
            assertRefused(new Object() {
                @Subscribe
                void onPing(Ping ping) { }
            }, "onPing is not public");
        }

        @Test
        void aStaticMethod() {
            assertRefused(new StaticHandler(), "is static");
        }

        @Test
        void aMethodThatReturnsAValue() {
            assertRefused(new Object() {
                @Subscribe
                public boolean onPing(Ping ping) {
                    return true;
                }
            }, "instead of void");
        }

        @Test
        void aMethodWithTwoParameters() {
            assertRefused(new Object() {
                @Subscribe
                public void onPing(Ping ping, Chat chat) { }
            }, "takes 2 parameters");
        }

        @Test
        void aMethodOfANonEvent() {
            assertRefused(new Object() {
                @Subscribe
                public void onString(String text) { }
            }, "which is no");
        }

        @Test
        void aMethodOfAnAbstractEventType() {
            assertRefused(new Object() {
                @Subscribe
                public void onAny(CancellableEvent event) { }
            }, "not a concrete event class");
        }

        @Test
        void aMethodOfTheEventInterface() {
            assertRefused(new Object() {
                @Subscribe
                public void onAny(Event event) { }
            }, "not a concrete event class");
        }

        @Test
        void aGoodListenerWithOneBadMethod() {
            assertRefused(new Greeter() {
                @Subscribe
                public void broken() { }
            }, "broken");
        }
    }

    /** A listener with a static handler. */
    public static final class StaticHandler {
        @Subscribe
        public static void onPing(Ping ping) { }
    }

    @Test
    void subscribingToAnInterfaceOrAbstractClassIsRefused() {
        assertThrows(EventException.class, () -> view.subscribe(Event.class, e -> { }));
        assertThrows(EventException.class, () -> view.subscribe(CancellableEvent.class, e -> { }));
        assertThrows(NullPointerException.class, () -> view.subscribe(Chat.class, HandlerOptions.defaults(), null));
    }
}
