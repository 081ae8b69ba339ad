package dev.plinth.itest.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.Subscription;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.itest.resource.ResourceHome;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} in a real framework, on a free port bound through {@code conf/server.json}: the seed's
 * {@code mtadm_*} lifecycle metrics and Plinth's own, parsed with a Prometheus text-format parser, checked after a
 * known sequence of starts, stops and failures; and the bearer token.
 */
class MetricsInFrameworkTest {

    private static final String TRANSITIONS = "mtadm_server_resource_state_transitions_total";
    private static final String STATES = "mtadm_server_resources_state";
    private final ResourceHome home = new ResourceHome();

    @BeforeEach
    void deploy() throws Exception {
        home.folder("mx-core", Map.of("plugin.toml", "[plugin]\nname = \"mx-core\"\nversion = \"1.0.0\"\n"));
        home.folder("mx-app", Map.of("meta.json", "{\"name\": \"mx-app\", \"dependencies\": [\"mx-core\"]}"));
        home.folder("mx-orphan", Map.of("plugin.toml",
                "[plugin]\nname = \"mx-orphan\"\n[dependencies]\nmx-nowhere = \">=1.0\"\n"));
        home.folder("mx-broken", Map.of("meta.json", "{\"name\": \"mx broken\"}"));
        for (String name : new String[] {"mx-core", "mx-app", "mx-orphan", "mx-broken"}) {
            home.awaitListed(name);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        home.close();
    }

    @Test
    void lifecycleMetricsCountAKnownSequenceOfStartsStopsAndFailures() throws Exception {
        HttpPort http = HttpPort.bind(home, "");
        var started = new AtomicInteger();
        EventBus bus = home.context.getService(home.context.getServiceReference(EventBus.class));
        Subscription listening = bus.subscribe("resource:started", HandlerOptions.defaults(),
                event -> started.incrementAndGet());
        Scrape before = scrape(http, null);

        home.service.start("mx-app");                      // mx-core, then mx-app: starting + started twice
        home.service.stop("mx-core");                      // mx-app, then mx-core: stopping + stopped twice
        assertThrows(ResourceException.class, () -> home.service.start("mx-orphan")); // refused: into error
        home.service.start("mx-core");                     // starting + started once more
        ResourceHome.await(() -> started.get() == 3 ? Optional.of(true) : Optional.empty(),
                "three resource:started events");
        listening.close();
        Scrape after = scrape(http, null);

        MetricFamily transitions = after.family(TRANSITIONS, MetricType.COUNTER);
        MetricFamily states = after.family(STATES, MetricType.GAUGE);
        Set<String> all = Set.of("loaded", "starting", "started", "stopping", "stopped", "error", "unknown");
        assertEquals(all, labels(transitions, "state"), "one transition series per state");
        assertEquals(all, labels(states, "state"), "one state series per state");

        Map<String, Double> expected = Map.of("starting", 3.0, "started", 3.0, "stopping", 2.0, "stopped", 2.0,
                "error", 1.0);
        for (String state : all) {
            double delta = after.value(TRANSITIONS, Map.of("state", state))
                    - before.value(TRANSITIONS, Map.of("state", state));
            assertEquals(expected.getOrDefault(state, 0.0), delta, "transitions into " + state);
        }
        Map<ResourceState, Long> now = home.service.list().stream()
                .filter(r -> !r.system())
                .collect(Collectors.groupingBy(ResourceInfo::state, Collectors.counting()));
        for (ResourceState state : ResourceState.values()) {
            assertEquals(now.getOrDefault(state, 0L).doubleValue(), after.value(STATES, Map.of("state", state.id())),
                    "resources " + state.id() + " now");
        }
        assertTrue(after.value(STATES, Map.of("state", "error")) >= 1, "the broken manifest is counted in error");

        double startedEvents = after.value("plinth_events_posted_total", Map.of("event", "resource:started"))
                - before.value("plinth_events_posted_total", Map.of("event", "resource:started"));
        assertEquals(3.0, startedEvents, "resource:started posted once per start");
        assertEquals(home.service.statistics().restarts(),
                (long) after.value("plinth_resource_restarts_total", Map.of()));
        assertEquals(home.service.statistics().rollbacks(),
                (long) after.value("plinth_resource_rollbacks_total", Map.of()));
        assertEquals(ResourceErrorCode.ERR_DEPENDENCY_MISSING,
                assertThrows(ResourceException.class, () -> home.service.start("mx-orphan")).code());
    }

    @Test
    void gameLoopAndJvmMetricsAreExposedWithTheirTypes() throws Exception {
        HttpPort http = HttpPort.bind(home, "");
        Scrape scrape = scrape(http, null);

        MetricFamily ticks = scrape.family("plinth_tick_duration_seconds", MetricType.HISTOGRAM);
        Histogram histogram = (Histogram) ticks.getMetrics().getFirst();
        assertTrue(histogram.getSampleCount() > 0, "ticks were recorded");
        assertTrue(histogram.getBuckets().stream().anyMatch(b -> b.getUpperBound() == 0.05),
                "a bucket at the 50 ms tick budget");
        double tps = scrape.value("plinth_tps", Map.of());
        assertTrue(tps > 0 && tps <= 20.5, "ticks per second between 0 and 20: " + tps);
        scrape.family("plinth_tps", MetricType.GAUGE);
        scrape.family("plinth_players_online", MetricType.GAUGE);
        scrape.family("plinth_events_posted_total", MetricType.COUNTER);
        scrape.family("jvm_memory_used_bytes", MetricType.GAUGE);
        scrape.family("jvm_threads_live_threads", MetricType.GAUGE);
        scrape.family("jvm_gc_pause_seconds", MetricType.SUMMARY);
    }

    @Test
    void aTokenInServerJsonGuardsTheEndpoint() throws Exception {
        HttpPort http = HttpPort.bind(home, "\"metrics\": {\"token\": \"s3cret\"}");

        assertEquals(401, http.get("/metrics", null).statusCode(), "no token");
        assertEquals(401, http.get("/metrics", "wrong").statusCode(), "a wrong token");
        var scraped = http.get("/metrics", "s3cret");
        assertEquals(200, scraped.statusCode());
        assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertEquals(404, http.get("/no-such-endpoint", "s3cret").statusCode());
    }

    private static Scrape scrape(HttpPort http, String token) throws Exception {
        var response = http.get("/metrics", token);
        assertEquals(200, response.statusCode(), response.body());
        return Scrape.parse(response.body());
    }

    private static Set<String> labels(MetricFamily family, String label) {
        return family.getMetrics().stream().map(Metric::getLabels).map(l -> l.get(label)).collect(Collectors.toSet());
    }
}
