package dev.plinth.core.resource;

import java.util.EnumMap;
import java.util.Map;

/**
 * Lifecycle counters, the source of the metrics {@code mtadm_server_resource_state_transitions_total{state}},
 * {@code mtadm_server_resources_state{state}}, {@code plinth_resource_restarts_total} and
 * {@code plinth_resource_rollbacks_total}.
 *
 * @param transitions how often any resource entered each state since the resource manager started; every state
 *     has an entry
 * @param current how many resources are in each state now; every state has an entry
 * @param restarts how many restarts succeeded (with new content or not)
 * @param rollbacks how many restarts failed with new content and put the previous content back
 *     ({@code ERR_RESTART_ROLLBACK_APPLIED} and {@code ERR_RESTART_ROLLBACK_FAILED})
 */
public record ResourceStatistics(Map<ResourceState, Long> transitions, Map<ResourceState, Integer> current,
        long restarts, long rollbacks) {

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
