package dev.plinth.core.events.internal;

import static dev.plinth.core.events.EventPriority.HIGH;
import static dev.plinth.core.events.EventPriority.HIGHEST;
import static dev.plinth.core.events.EventPriority.LOW;
import static dev.plinth.core.events.EventPriority.MONITOR;
import static dev.plinth.core.events.EventPriority.NORMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.events.ReadOnlyEventException;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Chat;
import dev.plinth.core.events.internal.TestEvents.Door;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Cancellation skips the remaining handlers below MONITOR; MONITOR handlers observe and cannot change. */
class CancellationTest {

    private final Bus bus = new Bus();
    private final EventBus view = bus.open("a");
    private final List<String> calls = new ArrayList<>();

    private long callsOf(String location) {
        return view.statistics().stream().filter(s -> s.location().equals(location))
                .mapToLong(HandlerStats::calls).sum();
    }

    private long errorsOf(String location) {
        return view.statistics().stream().filter(s -> s.location().equals(location))
                .mapToLong(HandlerStats::errors).sum();
    }

    @Nested
    class BelowMonitor {

        @Test
        void aCancelledEventSkipsTheRemainingHandlers() {
            view.subscribe(Chat.class, HandlerOptions.at(LOW), e -> {
                calls.add("low");
                e.cancel();
            });
            view.subscribe(Chat.class, HandlerOptions.at(NORMAL), e -> calls.add("normal"));
            view.subscribe(Chat.class, HandlerOptions.at(HIGHEST), e -> calls.add("highest"));

            Chat chat = view.post(new Chat("hi"));

            assertTrue(chat.isCancelled());
            assertEquals(List.of("low"), calls);
        }

        @Test
        void aHandlerThatAskedForCancelledEventsStillRunsAndMayTakeTheCancellationBack() {
            view.subscribe(Chat.class, HandlerOptions.at(LOW), e -> e.cancel());
            view.subscribe(Chat.class, HandlerOptions.at(NORMAL), e -> calls.add("skipped"));
            view.subscribe(Chat.class, HandlerOptions.at(HIGH).withReceiveCancelled(), e -> {
                calls.add("receives-cancelled");
                e.setCancelled(false);
            });
            view.subscribe(Chat.class, HandlerOptions.at(HIGHEST), e -> calls.add("runs-again"));

            Chat chat = view.post(new Chat("hi"));

            assertFalse(chat.isCancelled());
            assertEquals(List.of("receives-cancelled", "runs-again"), calls);
        }

        @Test
        void namedEventsAreCancellableToo() {
            view.subscribe("test:named", HandlerOptions.at(LOW), e -> ((NamedEvent) e).cancel());
            view.subscribe("test:named", HandlerOptions.at(NORMAL), e -> calls.add("skipped"));

            assertTrue(view.post("test:named", Map.of()).isCancelled());
            assertEquals(List.of(), calls);
        }

        @Test
        void aCancellableThatIsNoMutableEventIsSkippedTheSameWay() {
            view.subscribe(Door.class, HandlerOptions.at(LOW), Door::cancel);
            view.subscribe(Door.class, HandlerOptions.at(NORMAL), e -> calls.add("skipped"));
            view.subscribe(Door.class, HandlerOptions.at(HIGH).withReceiveCancelled(), e -> calls.add("receives"));

            view.post(new Door());

            assertEquals(List.of("receives"), calls);
        }

        @Test
        void skippedHandlersAreNotCountedAsCalls() {
            view.subscribe(Chat.class, HandlerOptions.at(LOW).withLocation("canceller"), e -> e.cancel());
            view.subscribe(Chat.class, HandlerOptions.at(NORMAL).withLocation("skipped"), e -> { });

            view.post(new Chat("a"));
            view.post(new Chat("b"));

            assertEquals(2, callsOf("canceller"));
            assertEquals(0, callsOf("skipped"));
        }
    }

    @Nested
    class Monitor {

        @Test
        void monitorHandlersRunEvenWhenTheEventIsCancelled() {
            view.subscribe(Chat.class, HandlerOptions.at(LOW), e -> e.cancel());
            view.subscribe(Chat.class, HandlerOptions.at(MONITOR), e -> calls.add("monitor " + e.isCancelled()));

            view.post(new Chat("hi"));

            assertEquals(List.of("monitor true"), calls);
        }

        @Test
        void aMonitorHandlerCannotChangeAMutableEvent() {
            view.subscribe(Chat.class, HandlerOptions.at(MONITOR).withLocation("meddler"), e -> {
                calls.add("read-only " + e.isReadOnly());
                e.message("changed");
            });
            view.subscribe(Chat.class, HandlerOptions.at(MONITOR).withLocation("observer"),
                    e -> calls.add(e.message()));

            Chat chat = view.post(new Chat("original"));

            assertEquals(List.of("read-only true", "original"), calls);
            assertEquals("original", chat.message());
            assertEquals(1, errorsOf("meddler"));
            assertFalse(chat.isReadOnly(), "the guard is disarmed after the dispatch");
        }

        @Test
        void aMonitorHandlerCannotTakeACancellationBack() {
            view.subscribe(Chat.class, HandlerOptions.at(HIGH), e -> e.cancel());
            view.subscribe(Chat.class, HandlerOptions.at(MONITOR).withLocation("uncanceller"),
                    e -> e.setCancelled(false));

            Chat chat = view.post(new Chat("hi"));

            assertTrue(chat.isCancelled());
            assertEquals(1, errorsOf("uncanceller"));
        }

        @Test
        void theCancellationOfAPlainCancellableIsPutBackAfterEachMonitorHandler() {
            view.subscribe(Door.class, HandlerOptions.at(MONITOR).withLocation("canceller"), Door::cancel);
            view.subscribe(Door.class, HandlerOptions.at(MONITOR).withLocation("observer"),
                    e -> calls.add("cancelled " + e.isCancelled()));

            Door door = view.post(new Door());

            assertFalse(door.isCancelled());
            assertEquals(List.of("cancelled false"), calls);
            assertEquals(1, errorsOf("canceller"));
            assertEquals(0, errorsOf("observer"));
        }

        @Test
        void theGuardIsArmedOnlyDuringTheMonitorPhase() {
            view.subscribe(Chat.class, HandlerOptions.at(HIGHEST), e -> e.message("set by highest"));
            view.subscribe(Chat.class, HandlerOptions.at(MONITOR), e -> calls.add(e.message()));

            Chat chat = view.post(new Chat("x"));
            chat.message("after");

            assertEquals(List.of("set by highest"), calls);
            assertEquals("after", chat.message());
            assertThrows(ReadOnlyEventException.class, () -> {
                chat.readOnly(true);
                chat.message("no");
            });
        }
    }
}
