package dev.plinth.ops.internal.metrics;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.ResourceState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The resource lifecycle as metrics. The seed's names, exactly, with one series per state (all seven, 0 when no
 * resource is or was in it): {@code mtadm_server_resource_state_transitions_total{state}} (how often resources
 * entered the state) and {@code mtadm_server_resources_state{state}} (how many are in it now); and Plinth's
 * {@code plinth_resource_restarts_total} and {@code plinth_resource_rollbacks_total}.
 *
 * <p>Values are read from {@link ResourceService#statistics()} when scraped, on the scraping thread.
 */
final class ResourceMeters {

    private ResourceMeters() {}

    static void bind(MeterRegistry registry, ResourceService resources) {
        for (ResourceState state : ResourceState.values()) {
            FunctionCounter.builder("mtadm.server.resource.state.transitions", resources,
                            r -> r.statistics().transitions().get(state))
                    .description("How often resources entered each lifecycle state")
                    .tag("state", state.id())
                    .register(registry);
            Gauge.builder("mtadm.server.resources.state", resources, r -> r.statistics().current().get(state))
                    .description("How many resources are in each lifecycle state now")
                    .tag("state", state.id())
                    .register(registry);
        }
        FunctionCounter.builder("plinth.resource.restarts", resources, r -> r.statistics().restarts())
                .description("Resource restarts that succeeded")
                .register(registry);
        FunctionCounter.builder("plinth.resource.rollbacks", resources, r -> r.statistics().rollbacks())
                .description("Restarts whose new content failed to start and whose previous content was put back")
                .register(registry);
    }
}
