package dev.plinth.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Apache Felix EventAdmin as it runs in production: its bundle (from the path in the system property
 * {@value #BUNDLE_PROPERTY}) started in an embedded Felix framework, handlers registered as OSGi services. The
 * EventAdmin API is exported to the framework from the class path, so the benchmark calls the service directly.
 */
final class EmbeddedEventAdmin implements AutoCloseable {

    /** The system property with the path of the EventAdmin bundle (set by {@link BenchMain} for each fork). */
    static final String BUNDLE_PROPERTY = "plinth.bench.eventadmin";
    /** The topic of the benchmark's events. */
    static final String TOPIC = "plinth/bench/Event";

    private final Path storage;
    private final Framework framework;
    private final EventAdmin admin;

    /**
     * Starts a framework with EventAdmin.
     *
     * @param configuration EventAdmin's settings as framework properties ({@code org.apache.felix.eventadmin.*})
     */
    EmbeddedEventAdmin(Map<String, String> configuration) throws IOException, BundleException {
        String bundle = System.getProperty(BUNDLE_PROPERTY);
        if (bundle == null || !Files.isRegularFile(Path.of(bundle))) {
            throw new IllegalStateException("set -D" + BUNDLE_PROPERTY + " to the Felix EventAdmin bundle (run the "
                    + "benchmarks with ./plinthw -pl benchmarks -am -Pbench verify)");
        }
        storage = Files.createTempDirectory("plinth-bench-felix");
        var properties = new HashMap<String, String>(configuration);
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.event;version=1.4.0");
        properties.put("felix.log.level", "1");
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(properties);
        framework.start();
        BundleContext context = framework.getBundleContext();
        context.installBundle(Path.of(bundle).toUri().toString()).start();
        admin = context.getService(context.getServiceReference(EventAdmin.class));
    }

    /** Registers a handler of the benchmark's topic, ranked like its priority (OSGi calls the highest rank first). */
    void register(HandlerSpec spec, int rank) {
        var properties = new Hashtable<String, Object>();
        properties.put(EventConstants.EVENT_TOPIC, TOPIC);
        properties.put(Constants.SERVICE_RANKING, rank);
        framework.getBundleContext().registerService(EventHandler.class, new Adapter(spec), properties);
    }

    EventAdmin admin() {
        return admin;
    }

    /** An OSGi event carrying the benchmark's event, built once and sent again and again. */
    static Event carrying(BenchEvent event) {
        return new Event(TOPIC, Map.of("event", event));
    }

    @Override
    public void close() throws BundleException, IOException {
        framework.stop();
        try {
            framework.waitForStop(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Calls the handler the way the other contenders do: check the cancellation, isolate a failure. */
    private record Adapter(HandlerSpec spec) implements EventHandler {
        @Override
        public void handleEvent(Event osgiEvent) {
            var event = (BenchEvent) osgiEvent.getProperty("event");
            if (spec.receiveCancelled() || !event.isCancelled()) {
                try {
                    spec.handler().handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
