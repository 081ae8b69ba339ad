package dev.plinth.core.resource.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    // chat-demo → core, admin-panel → chat-demo and core, map → nothing
    private final DependencyGraph graph = new DependencyGraph(Map.of(
            "core", Set.of(),
            "chat-demo", Set.of("core"),
            "admin-panel", Set.of("chat-demo", "core"),
            "map", Set.of()));

    @Test
    void dependenciesStartFirst() {
        assertEquals(List.of("core", "chat-demo", "admin-panel"), graph.startOrder("admin-panel"));
        assertEquals(List.of("core"), graph.startOrder("core"));
    }

    @Test
    void dependentsStopFirstAndTheResourceIsNotAmongThem() {
        assertEquals(List.of("admin-panel", "chat-demo"), graph.dependentsStopOrder("core"));
        assertEquals(List.of("admin-panel"), graph.dependentsStopOrder("chat-demo"));
        assertEquals(List.of(), graph.dependentsStopOrder("map"));
    }

    @Test
    void shutdownStopsEveryDependentBeforeWhatItNeeds() {
        List<String> order = graph.shutdownOrder();
        assertEquals(4, order.size());
        assertTrue(order.indexOf("admin-panel") < order.indexOf("chat-demo"));
        assertTrue(order.indexOf("chat-demo") < order.indexOf("core"));
    }

    @Test
    void aCycleIsReportedWhole() {
        var cyclic = new DependencyGraph(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));

        assertEquals(Optional.of(List.of("a", "b", "c", "a")), cyclic.cycleFrom("a"));
        assertEquals(Optional.of(List.of("a", "b", "c", "a")), cyclic.cycleFrom("d"));
        assertEquals(Optional.empty(), graph.cycleFrom("admin-panel"));
    }

    @Test
    void aResourceNeedingItselfIsACycle() {
        assertEquals(Optional.of(List.of("a", "a")), new DependencyGraph(Map.of("a", Set.of("a"))).cycleFrom("a"));
    }

    @Test
    void missingDependenciesAreLeaves() {
        var partial = new DependencyGraph(Map.of("chat-demo", Set.of("core")));

        assertEquals(List.of("core", "chat-demo"), partial.startOrder("chat-demo"));
        assertEquals(Set.of("chat-demo"), partial.neededBy("core"));
    }
}
