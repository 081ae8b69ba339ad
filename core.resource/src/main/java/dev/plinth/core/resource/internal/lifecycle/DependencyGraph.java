package dev.plinth.core.resource.internal.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which resource needs which: the order to start them in (dependencies first), to stop them in (dependents first),
 * and the cycles that make an order impossible. Ties are broken by name, so every order is deterministic.
 *
 * <p>Immutable: thread-safe.
 */
final class DependencyGraph {

    private final Map<String, Set<String>> needs;
    private final Map<String, Set<String>> neededBy;

    /**
     * Builds the graph.
     *
     * @param needs each resource → the resources it needs (names outside the map are allowed: they are leaves)
     */
    DependencyGraph(Map<String, Set<String>> needs) {
        var copy = new TreeMap<String, Set<String>>();
        var reverse = new TreeMap<String, Set<String>>();
        needs.forEach((name, deps) -> {
            copy.put(name, new TreeSet<>(deps));
            for (String dep : deps) {
                reverse.computeIfAbsent(dep, d -> new TreeSet<>()).add(name);
            }
        });
        this.needs = copy;
        this.neededBy = reverse;
    }

    /** The resources a resource needs directly. */
    Set<String> needs(String name) {
        return needs.getOrDefault(name, Set.of());
    }

    /** The resources that need a resource directly. */
    Set<String> neededBy(String name) {
        return neededBy.getOrDefault(name, Set.of());
    }

    /**
     * A cycle among the resources a resource needs, directly or not.
     *
     * @return the cycle as a path that ends where it starts ({@code a, b, c, a}), or empty
     */
    Optional<List<String>> cycleFrom(String name) {
        return cycle(name, new ArrayList<>(), new TreeSet<>());
    }

    private Optional<List<String>> cycle(String name, List<String> path, Set<String> done) {
        int index = path.indexOf(name);
        if (index >= 0) {
            var cycle = new ArrayList<>(path.subList(index, path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        if (done.contains(name)) {
            return Optional.empty();
        }
        path.add(name);
        for (String dep : needs(name)) {
            var found = cycle(dep, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.removeLast();
        done.add(name);
        return Optional.empty();
    }

    /**
     * The order to start a resource in: everything it needs, directly or not, dependencies first, then itself.
     * Call {@link #cycleFrom} first: a cycle is cut where it closes.
     */
    List<String> startOrder(String name) {
        var order = new LinkedHashSet<String>();
        postOrder(name, this::needs, order, new TreeSet<>());
        return List.copyOf(order);
    }

    /**
     * The resources that need a resource, directly or not, in the order to stop them: each before what it needs.
     * The resource itself is not included.
     */
    List<String> dependentsStopOrder(String name) {
        var order = new LinkedHashSet<String>();
        postOrder(name, this::neededBy, order, new TreeSet<>());
        order.remove(name); // post-order over "needed by" adds each resource after everything that needs it
        return List.copyOf(order);
    }

    /** Every resource, in the order to stop them all: dependents before what they need. */
    List<String> shutdownOrder() {
        var order = new LinkedHashSet<String>();
        var names = new TreeSet<>(needs.keySet());
        names.addAll(neededBy.keySet());
        for (String name : names) {
            postOrder(name, this::needs, order, new TreeSet<>());
        }
        return List.copyOf(order).reversed();
    }

    private static void postOrder(String name, java.util.function.Function<String, Set<String>> next,
            Set<String> order, Set<String> visiting) {
        if (order.contains(name) || !visiting.add(name)) {
            return;
        }
        for (String other : next.apply(name)) {
            postOrder(other, next, order, visiting);
        }
        order.add(name);
    }
}
