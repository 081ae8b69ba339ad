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
import dev.plinth.core.events.Subscription;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Chat;
import dev.plinth.core.events.internal.TestEvents.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subscriptions end when closed or when their owner releases the bus; {@code hasHandlers} follows. */
class SubscriptionLifecycleTest {

    private final Bus bus = new Bus();
    private final EventBus view = bus.open("a");
    private final List<String> calls = new ArrayList<>();

    @Test
    void aClosedSubscriptionRunsNoMore() {
        Subscription subscription = view.subscribe(Ping.class, e -> calls.add("ping"));
        view.post(new Ping());

        subscription.close();
        subscription.close();
        view.post(new Ping());

        assertEquals(List.of("ping"), calls);
        assertFalse(subscription.isActive());
        assertEquals(List.of(), view.statistics());
    }

    @Test
    void aHandlerClosedByAnEarlierHandlerOfTheSameDispatchDoesNotRun() {
        Subscription[] later = new Subscription[1];
        view.subscribe(Ping.class, HandlerOptions.at(EventPriority.LOW), e -> later[0].close());
        later[0] = view.subscribe(Ping.class, HandlerOptions.at(EventPriority.HIGH), e -> calls.add("later"));

        view.post(new Ping());

        assertEquals(List.of(), calls);
    }

    @Test
    void releasingAViewRemovesEveryHandlerItsOwnerSubscribed() {
        EventBus other = bus.open("b");
        other.subscribe(Ping.class, e -> calls.add("b"));
        var typed = view.subscribe(Ping.class, e -> calls.add("a typed"));
        view.subscribe("test:ping", HandlerOptions.defaults(), e -> calls.add("a named"));
        view.register(new Object() {
            @dev.plinth.core.events.Subscribe
            public void onChat(Chat chat) {
                calls.add("a listener");
            }
        });

        Bus.release(view);
        other.post(new Ping());
        other.post(new Chat("x"));

        assertEquals(List.of("b"), calls);
        assertFalse(typed.isActive());
        assertEquals(List.of("b"), other.statistics().stream().map(HandlerStats::owner).toList());
        assertFalse(other.hasHandlers(Chat.class));
    }

    @Test
    void aReleasedViewRefusesNewSubscriptions() {
        Bus.release(view);

        var refused = assertThrows(EventException.class, () -> view.subscribe(Ping.class, e -> { }));
        assertTrue(refused.getMessage().contains("'a'"), refused.getMessage());
    }

    @Test
    void hasHandlersFollowsSubscriptionsByClass() {
        assertFalse(view.hasHandlers(Ping.class));
        view.post(new Ping());
        assertFalse(view.hasHandlers(Ping.class));

        Subscription subscription = view.subscribe(Ping.class, e -> { });
        assertTrue(view.hasHandlers(Ping.class));
        view.post(new Ping());
        assertTrue(view.hasHandlers(Ping.class));

        subscription.close();
        assertFalse(view.hasHandlers(Ping.class));
    }

    @Test
    void hasHandlersByClassSeesHandlersByItsName() {
        view.post(new Ping()); // the bus learns the classes' names from their first instances
        view.post(new Chat("x"));
        view.subscribe("test:ping", HandlerOptions.defaults(), e -> { });

        assertTrue(view.hasHandlers(Ping.class));
        assertFalse(view.hasHandlers(Chat.class));
    }

    @Test
    void hasHandlersIsConservativeForAClassNeverPostedWhileHandlersByNameExist() {
        view.subscribe("test:something", HandlerOptions.defaults(), e -> { });

        assertTrue(view.hasHandlers(Chat.class), "its name is unknown until its first post: maybe");
        view.post(new Chat("x"));
        assertFalse(view.hasHandlers(Chat.class));
    }

    @Test
    void hasHandlersOfNamedEventsMeansAnyHandlerOfANamedEvent() {
        assertFalse(view.hasHandlers(NamedEvent.class));
        view.subscribe("test:x", HandlerOptions.defaults(), e -> { });
        assertTrue(view.hasHandlers(NamedEvent.class));
    }

    @Test
    void subscribingFromOtherThreadsWhileOneThreadPostsIsSafe() throws Exception {
        var counted = new java.util.concurrent.atomic.AtomicLong();
        view.subscribe(Ping.class, HandlerOptions.at(EventPriority.LOWEST).withLocation("steady"),
                e -> counted.incrementAndGet());
        var churn = new ArrayList<Thread>();
        for (int t = 0; t < 2; t++) {
            churn.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    view.subscribe(Ping.class, e -> { }).close();
                    view.subscribe("test:ping", HandlerOptions.defaults(), e -> { }).close();
                }
            }));
        }
        int posts = 0;
        while (churn.stream().anyMatch(Thread::isAlive)) {
            view.post(new Ping());
            posts++;
        }
        for (Thread thread : churn) {
            thread.join();
        }

        assertEquals(posts, counted.get(), "the steady handler ran once per post through every change");
        long calls = view.statistics().getFirst().calls();
        // A post racing a change may go uncounted (never more than one per change), never counted twice.
        assertTrue(calls <= posts && calls >= posts - 8_000, calls + " calls counted for " + posts + " posts");
        assertEquals(List.of("steady"), view.statistics().stream().map(HandlerStats::location).toList());
    }

    @Test
    void aClosedDispatcherHasNoHandlersLeft() {
        view.subscribe(Ping.class, e -> calls.add("ping"));
        view.post(new Ping());

        bus.dispatcher.close();
        view.post(new Ping());

        assertEquals(List.of("ping"), calls);
        assertFalse(view.hasHandlers(Ping.class));
    }

    @Test
    void postingToNobodyReturnsTheEventUnchanged() {
        Chat chat = new Chat("x");
        assertEquals(chat, view.post(chat));
        assertEquals(Map.of(), view.post("test:nobody", Map.of()).payload());
    }
}
