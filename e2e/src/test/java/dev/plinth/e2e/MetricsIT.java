package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running distribution's {@code /metrics}, scraped over HTTP as Prometheus would and parsed with a Prometheus
 * text-format parser, before and after shell commands stop and start an example resource and a player joins.
 */
class MetricsIT {

    private static final String TRANSITIONS = "mtadm_server_resource_state_transitions_total";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path home;

    @Test
    void scrapedMetricsFollowTheShellsLifecycleCommands() throws Exception {
        var instance = PlinthInstance.at(home);
        Process process = instance.start();
        try (OutputStream stdin = process.getOutputStream()) {
            PlinthInstance.send(process, "echo startup-done"); // piped commands run once startup has finished
            instance.awaitOutput("startup-done");
            Map<String, MetricFamily> before = awaitScrape(instance);
            assertEquals(Map.of("loaded", 0.0, "starting", 0.0, "stopping", 0.0, "unknown", 0.0),
                    values(before, "mtadm_server_resources_state", "loaded", "starting", "stopping", "unknown"));

            PlinthInstance.send(process, "resource:stop chat-demo", "resource:start chat-demo", "resource:stop server",
                    "sim:join alice", "resource:top", "echo step-done");
            instance.awaitOutput("step-done");
            Thread.sleep(500); // the player count is read at the end of each tick
            Map<String, MetricFamily> after = scrape(instance);

            for (String state : new String[] {"starting", "started", "stopping", "stopped"}) {
                assertEquals(1.0, value(after, TRANSITIONS, state) - value(before, TRANSITIONS, state),
                        "one transition into " + state);
            }
            assertEquals(0.0, value(after, TRANSITIONS, "error") - value(before, TRANSITIONS, "error"),
                    "stopping the system resource 'server' is refused without a transition");
            assertEquals(MetricType.GAUGE, after.get("mtadm_server_resources_state").getType());
            assertEquals(7, after.get("mtadm_server_resources_state").getMetrics().size());
            assertEquals(1.0, ((Gauge) after.get("plinth_players_online").getMetrics().getFirst()).getValue());
            assertEquals(MetricType.HISTOGRAM, after.get("plinth_tick_duration_seconds").getType());
            assertEquals(MetricType.COUNTER, after.get("plinth_handler_seconds_total").getType());
            assertEquals(MetricType.COUNTER, after.get("plinth_resource_work_total").getType());
            assertTrue(after.get("plinth_resource_work_total").getMetrics().stream()
                            .anyMatch(m -> "admin-tools".equals(m.getLabels().get("resource"))),
                    "the Lua examples have accounts: " + after.get("plinth_resource_work_total").getMetrics());
            String top = Files.readString(instance.consoleLog());
            assertTrue(top.lines().anyMatch(l -> l.startsWith("welcome ") && l.contains(" lua ")),
                    "resource:top lists the Lua example:\n" + top);
            assertTrue(after.get("plinth_handler_seconds_total").getMetrics().stream()
                            .anyMatch(m -> "welcome".equals(m.getLabels().get("resource"))
                                    && "lua".equals(m.getLabels().get("language"))),
                    "the Lua example's handlers are accounted with their language");
        } finally {
            process.waitFor(60, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), Files.readString(instance.consoleLog()));
    }



    private Map<String, MetricFamily> awaitScrape(PlinthInstance instance) throws Exception {
        long deadline = System.nanoTime() + PlinthInstance.TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return scrape(instance);
            } catch (IOException e) {
                last = e; // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("/metrics never answered: " + last + "\n" + Files.readString(instance.consoleLog()));
    }

    private Map<String, MetricFamily> scrape(PlinthInstance instance) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.url() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            throw new IOException("404: the endpoint is not registered yet");
        }
        assertEquals(200, response.statusCode(), response.body());
        var walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                walker).walk();
        var families = new TreeMap<String, MetricFamily>();
        walker.getAllMetricFamilies().forEach(f -> families.put(f.getName(), f));
        return families;
    }

    private static double value(Map<String, MetricFamily> families, String name, String state) {
        MetricFamily family = families.get(name);
        assertNotNull(family, name + " is exposed");
        Metric metric = family.getMetrics().stream().filter(m -> state.equals(m.getLabels().get("state")))
                .findFirst().orElseThrow(() -> new AssertionError(name + "{state=" + state + "}"));
        return metric instanceof Counter c ? c.getValue() : ((Gauge) metric).getValue();
    }

    private static Map<String, Double> values(Map<String, MetricFamily> families, String name, String... states) {
        var values = new TreeMap<String, Double>();
        for (String state : states) {
            values.put(state, value(families, name, state));
        }
        return values;
    }
}
