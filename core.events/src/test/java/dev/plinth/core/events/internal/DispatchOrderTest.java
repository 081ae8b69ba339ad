package dev.plinth.core.events.internal;

import static dev.plinth.core.events.EventPriority.HIGH;
import static dev.plinth.core.events.EventPriority.HIGHEST;
import static dev.plinth.core.events.EventPriority.LOW;
import static dev.plinth.core.events.EventPriority.LOWEST;
import static dev.plinth.core.events.EventPriority.MONITOR;
import static dev.plinth.core.events.EventPriority.NORMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Priority, then the owners' load order, then registration order; typed and named handlers together. */
class DispatchOrderTest {

    private final Bus bus = new Bus();
    private final List<String> calls = new ArrayList<>();

    private void handler(EventBus view, EventPriority priority, String label) {
        view.subscribe(Ping.class, HandlerOptions.at(priority), e -> calls.add(label));
    }

    @Test
    void handlersRunFromLowestToMonitorWhateverTheRegistrationOrder() {
        EventBus view = bus.open("a");
        for (EventPriority priority : List.of(MONITOR, HIGH, LOWEST, NORMAL, HIGHEST, LOW)) {
            handler(view, priority, priority.name());
        }

        view.post(new Ping());

        assertEquals(List.of("LOWEST", "LOW", "NORMAL", "HIGH", "HIGHEST", "MONITOR"), calls);
    }

    @Test
    void equalPrioritiesRunInTheOwnersLoadOrderThenInRegistrationOrder() {
        EventBus first = bus.open("first");
        EventBus second = bus.open("second");
        handler(second, NORMAL, "second-1");
        handler(first, NORMAL, "first-1");
        handler(second, NORMAL, "second-2");
        handler(first, LOW, "first-low");
        handler(first, NORMAL, "first-2");

        second.post(new Ping());

        assertEquals(List.of("first-low", "first-1", "first-2", "second-1", "second-2"), calls);
    }

    @Test
    void handlersByNameAndByClassAreOrderedTogether() {
        EventBus view = bus.open("a");
        view.subscribe("test:ping", HandlerOptions.at(HIGH), e -> calls.add("name-high"));
        handler(view, NORMAL, "class-normal");
        view.subscribe("test:ping", HandlerOptions.at(NORMAL), e -> calls.add("name-normal"));
        handler(view, LOWEST, "class-lowest");

        view.post(new Ping());

        assertEquals(List.of("class-lowest", "class-normal", "name-normal", "name-high"), calls);
    }

    @Test
    void theOrderIsRebuiltWhenHandlersComeAndGo() {
        EventBus view = bus.open("a");
        handler(view, NORMAL, "n1");
        view.post(new Ping());
        var low = view.subscribe(Ping.class, HandlerOptions.at(LOW), e -> calls.add("low"));
        handler(view, NORMAL, "n2");
        view.post(new Ping());
        low.close();
        view.post(new Ping());

        assertEquals(List.of("n1", "low", "n1", "n2", "n1", "n2"), calls);
    }

    @Test
    void aHandlerSubscribedDuringADispatchRunsFromTheNextPost() {
        EventBus view = bus.open("a");
        view.subscribe(Ping.class, HandlerOptions.at(LOW), e -> {
            calls.add("low");
            if (calls.size() == 1) {
                handler(view, HIGH, "late");
            }
        });

        view.post(new Ping());
        view.post(new Ping());

        assertEquals(List.of("low", "low", "late"), calls);
    }

    @Test
    void namedEventsFollowTheSameOrder() {
        EventBus a = bus.open("a");
        EventBus b = bus.open("b");
        b.subscribe("test:named", HandlerOptions.defaults(), e -> calls.add("b"));
        a.subscribe("test:named", HandlerOptions.defaults(), e -> calls.add("a"));
        a.subscribe("test:named", HandlerOptions.at(MONITOR), e -> calls.add("a-monitor"));
        b.subscribe("test:named", HandlerOptions.at(LOWEST), e -> calls.add("b-lowest"));

        a.post("test:named", Map.of());

        assertEquals(List.of("b-lowest", "a", "b", "a-monitor"), calls);
    }
}
