package dev.plinth.core.resource;

import java.util.EnumMap;
import java.util.Map;

/**
 * Lifecycle counters, the source of the metrics {@code plinth_resource_state_transitions_total{state}} and
 * {@code plinth_resources_state{state}}.
 *
 * @param transitions how often any resource entered each state since the resource manager started; every state
 *     has an entry
 * @param current how many resources are in each state now; every state has an entry
 */
public record ResourceStatistics(Map<ResourceState, Long> transitions, Map<ResourceState, Integer> current) {

    /** Copies the maps, filling in the states that have no entry with zero. */
    public ResourceStatistics {
        var t = new EnumMap<ResourceState, Long>(ResourceState.class);
        var c = new EnumMap<ResourceState, Integer>(ResourceState.class);
        for (ResourceState state : ResourceState.values()) {
            t.put(state, transitions.getOrDefault(state, 0L));
            c.put(state, current.getOrDefault(state, 0));
        }
        transitions = Map.copyOf(t);
        current = Map.copyOf(c);
    }
}
