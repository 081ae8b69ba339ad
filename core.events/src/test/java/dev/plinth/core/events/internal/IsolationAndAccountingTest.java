package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Chat;
import dev.plinth.core.events.internal.TestEvents.Ping;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A throwing handler is isolated and counted; every handler's calls, errors and time are accounted. */
class IsolationAndAccountingTest {

    private final List<String> calls = new ArrayList<>();

    private static HandlerStats stats(EventBus view, String location) {
        return view.statistics().stream().filter(s -> s.location().equals(location)).findFirst().orElseThrow();
    }

    @Test
    void aThrowingHandlerIsCountedAndTheOthersStillRun() {
        EventBus view = new Bus().open("faulty");
        view.subscribe(Ping.class, HandlerOptions.at(EventPriority.LOW).withLocation("main.lua:12"), e -> {
            throw new IllegalStateException("boom");
        });
        view.subscribe(Ping.class, HandlerOptions.at(EventPriority.NORMAL), e -> calls.add("normal"));
        view.subscribe(Ping.class, HandlerOptions.at(EventPriority.MONITOR), e -> calls.add("monitor"));

        view.post(new Ping());
        view.post(new Ping());

        assertEquals(List.of("normal", "monitor", "normal", "monitor"), calls);
        HandlerStats failing = stats(view, "main.lua:12");
        assertEquals(2, failing.calls());
        assertEquals(2, failing.errors());
        assertEquals("faulty", failing.owner());
        assertEquals("test:ping", failing.event());
    }

    @Test
    void checkedExceptionsAndErrorsOfHandlersAreIsolatedToo() {
        EventBus view = new Bus().open("a");
        view.subscribe(Ping.class, HandlerOptions.defaults().withLocation("checked"), e -> {
            throw new java.io.IOException("disk");
        });
        view.subscribe(Ping.class, HandlerOptions.defaults().withLocation("linkage"), e -> {
            throw new NoClassDefFoundError("gone");
        });
        view.subscribe(Ping.class, e -> calls.add("ran"));

        view.post(new Ping());

        assertEquals(List.of("ran"), calls);
        assertEquals(1, stats(view, "checked").errors());
        assertEquals(1, stats(view, "linkage").errors());
    }

    @Test
    void everyCallIsCountedAndTimedWhenTheSampleIsOne() {
        EventBus view = new Bus(1).open("a");
        view.subscribe(Ping.class, HandlerOptions.defaults().withLocation("slow"),
                e -> LockSupport.parkNanos(200_000));

        for (int i = 0; i < 5; i++) {
            view.post(new Ping());
        }

        HandlerStats slow = stats(view, "slow");
        assertEquals(5, slow.calls());
        assertEquals(0, slow.errors());
        assertTrue(slow.totalNanos() >= 5 * 200_000, "total " + slow.totalNanos());
        assertTrue(slow.maxNanos() >= 200_000 && slow.maxNanos() <= slow.totalNanos(), "max " + slow.maxNanos());
        assertTrue(slow.meanNanos() >= 200_000, "mean " + slow.meanNanos());
        assertEquals(EventPriority.NORMAL, slow.priority());
    }

    @Test
    void sampledTimesAreScaledToEveryCall() {
        EventBus view = new Bus(4).open("a");
        view.subscribe(Ping.class, HandlerOptions.defaults().withLocation("slow"),
                e -> LockSupport.parkNanos(100_000));

        for (int i = 0; i < 16; i++) {
            view.post(new Ping());
        }

        HandlerStats slow = stats(view, "slow");
        assertEquals(16, slow.calls());
        // 4 timed calls of at least 100 µs each, scaled to 16 calls.
        assertTrue(slow.totalNanos() >= 16 * 100_000, "total " + slow.totalNanos());
    }

    @Test
    void countsSurviveChangesToTheHandlerList() {
        EventBus view = new Bus().open("a");
        view.subscribe(Ping.class, HandlerOptions.defaults().withLocation("counted"), e -> { });
        view.post(new Ping());
        var other = view.subscribe(Ping.class, e -> { });
        view.post(new Ping());
        other.close();
        view.post(new Ping());
        view.subscribe("test:chat", HandlerOptions.defaults(), e -> { });
        view.post(new Chat("x"));

        assertEquals(3, stats(view, "counted").calls());
    }

    @Test
    void statisticsAreSortedSlowestTotalFirstAndCanBeReset() {
        Bus bus = new Bus();
        EventBus view = bus.open("a");
        view.subscribe(Ping.class, HandlerOptions.defaults().withLocation("fast"), e -> { });
        view.subscribe(Ping.class, HandlerOptions.defaults().withLocation("slow"), e -> LockSupport.parkNanos(300_000));
        view.post(new Ping());

        assertEquals(List.of("slow", "fast"), view.statistics().stream().map(HandlerStats::location).toList());

        bus.dispatcher.resetStatistics();
        HandlerStats slow = stats(view, "slow");
        assertEquals(0, slow.calls());
        assertEquals(0, slow.totalNanos());
        view.post(new Ping());
        assertEquals(1, stats(view, "slow").calls());
    }

    @Test
    void aLambdaIsNamedAfterTheClassThatWroteItWhenNoLocationIsGiven() {
        EventBus view = new Bus().open("a");
        view.subscribe(Ping.class, e -> { });

        assertEquals(getClass().getName() + " (lambda)", view.statistics().getFirst().location());
    }

    @Test
    void aDispatchAllocatesNothing() {
        EventBus view = new Bus(16).open("a");
        int[] sum = new int[1];
        for (var priority : EventPriority.values()) {
            view.subscribe(Chat.class, HandlerOptions.at(priority), e -> sum[0]++);
        }
        view.subscribe("test:chat", HandlerOptions.defaults(), e -> sum[0]++);
        Chat chat = new Chat("x");
        Ping unheard = new Ping();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            view.post(chat);
            view.post(unheard);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            view.post(chat);
            view.post(unheard);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < 4096, allocated + " bytes allocated by 200000 posts");
        assertEquals(120_000 * 7, sum[0]);
    }
}
