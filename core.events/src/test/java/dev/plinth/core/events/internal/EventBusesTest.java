package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.DetachedEventBus;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.OwnedEventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Views for owners that are not bundles, and buses of their own. */
class EventBusesTest {

    private final EventDispatcher shared = new EventDispatcher(1);
    private final BundleEventBuses buses = new BundleEventBuses(shared);

    @Test
    void anOwnedViewPostsAsItsOwnerOnTheSharedBus() {
        var seen = new ArrayList<EventEnvelope>();
        var server = shared.open("server");
        server.subscribe("chat:say", HandlerOptions.defaults(), event -> seen.add(server.currentEnvelope().orElseThrow()));

        try (OwnedEventBus alice = buses.open("alice")) {
            alice.post("chat:say", Map.of("text", "hi"));
        }

        assertEquals(1, seen.size());
        assertEquals("alice", seen.getFirst().source());
        assertEquals(Map.of("text", "hi"), seen.getFirst().payload());
    }

    @Test
    void closingAViewRemovesItsHandlersAndRefusesNewOnes() {
        var calls = new ArrayList<String>();
        OwnedEventBus view = buses.open("alice");
        view.subscribe("chat:say", HandlerOptions.defaults(), event -> calls.add("alice"));
        assertTrue(shared.open("probe").hasHandlers("chat:say"));

        view.close();
        view.close();

        assertFalse(shared.open("probe").hasHandlers("chat:say"));
        assertThrows(EventException.class, () -> view.subscribe("chat:say", HandlerOptions.defaults(), e -> { }));
    }

    @Test
    void aDetachedBusNeverSeesTheSharedBusNorAnotherDetachedOne() {
        var first = new ArrayList<String>();
        var second = new ArrayList<String>();
        var server = new ArrayList<String>();
        shared.open("server").subscribe("system:ping", HandlerOptions.defaults(), e -> server.add("server"));
        try (DetachedEventBus one = buses.detached(); DetachedEventBus two = buses.detached()) {
            one.open("script").subscribe("system:ping", HandlerOptions.defaults(), e -> first.add("one"));
            two.open("script").subscribe("system:ping", HandlerOptions.defaults(), e -> second.add("two"));

            one.open("client").post("system:ping", Map.of());
        }

        assertEquals(List.of("one"), first);
        assertEquals(List.of(), second);
        assertEquals(List.of(), server);
    }

    @Test
    void aClosedDetachedBusRefusesNewOwners() {
        DetachedEventBus bus = buses.detached();
        bus.close();

        assertThrows(EventException.class, () -> bus.open("late"));
    }

    @Test
    void releasingTheServiceClosesWhatItsBundleOpened() throws Exception {
        var calls = new ArrayList<String>();
        buses.open("alice").subscribe("chat:say", HandlerOptions.defaults(), e -> calls.add("alice"));
        DetachedEventBus detached = buses.detached();

        buses.release();

        shared.open("server").post("chat:say", Map.of());
        assertEquals(List.of(), calls);
        assertThrows(EventException.class, () -> detached.open("late"));
    }
}
