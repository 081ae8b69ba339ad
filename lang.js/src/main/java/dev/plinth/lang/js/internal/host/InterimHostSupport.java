package dev.plinth.lang.js.internal.host;

import dev.plinth.core.runtime.host.HostFailure;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * What every language host needs from the framework, until core.sandbox's shared {@code HostSupport} serves the
 * JavaScript host too: whether a bundle is wired to this host, the {@link HostFailure} services of failed resources,
 * stopping a resource later from the host's own thread ({@code plinth-js-stopper}), and a resource's script logger.
 * Same method names as core.sandbox's, so the switch is a change of type.
 *
 * <p>Thread-safe.
 */
final class InterimHostSupport implements AutoCloseable {

    private static final String SCRIPT_LOGGER = "js";

    private final BundleContext host;
    private final LoggerFactory loggers;
    private final LoggerAdmin loggerAdmin;
    private final Map<Long, ServiceRegistration<HostFailure>> failures = new ConcurrentHashMap<>();
    private final ExecutorService stopper =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("plinth-js-stopper").daemon().factory());

    InterimHostSupport(BundleContext host, LoggerFactory loggers, LoggerAdmin loggerAdmin) {
        this.host = host;
        this.loggers = loggers;
        this.loggerAdmin = loggerAdmin;
    }

    /** Whether a resource bundle requires {@code osgi.extender=<extender>} and is wired to this host's bundle. */
    boolean serves(Bundle resource, String extender) {
        BundleWiring wiring = resource.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires("osgi.extender")) {
            if (extender.equals(wire.getCapability().getAttributes().get("osgi.extender"))
                    && wire.getProvider().getBundle().equals(host.getBundle())) {
                return true;
            }
        }
        return false;
    }

    /** Records why a resource failed, as a {@link HostFailure} service (replacing its previous one). */
    void failed(Bundle resource, String name, String message) {
        var properties = new Hashtable<String, Object>();
        properties.put(HostFailure.RESOURCE, name);
        properties.put(HostFailure.BUNDLE_ID, resource.getBundleId());
        HostFailure failure = new Failure(name, resource.getBundleId(), message);
        unregister(failures.put(resource.getBundleId(), host.registerService(HostFailure.class, failure, properties)));
    }

    /** Forgets a resource's failure: it started. */
    void cleared(Bundle resource) {
        unregister(failures.remove(resource.getBundleId()));
    }

    /** Fails and stops a resource from the host's thread, if it still applies then. */
    void stopLater(Bundle resource, String name, String message, BooleanSupplier stillApplies) {
        stopper.execute(() -> {
            if (stillApplies.getAsBoolean()) {
                failed(resource, name, message);
                try {
                    resource.stop(Bundle.STOP_TRANSIENT);
                } catch (BundleException | IllegalStateException e) {
                    loggers.getLogger(InterimHostSupport.class).error("could not stop {}: {}", name, e.toString());
                }
            }
        });
    }

    /** The logger of a resource's scripts, {@value #SCRIPT_LOGGER}, showing INFO and above. */
    Logger log(Bundle resource) {
        LoggerContext levels = loggerAdmin.getLoggerContext(resource.getSymbolicName());
        var configured = new HashMap<>(levels.getLogLevels());
        if (configured.putIfAbsent(SCRIPT_LOGGER, LogLevel.INFO) == null) {
            levels.setLogLevels(configured);
        }
        return loggers.getLogger(resource, SCRIPT_LOGGER, Logger.class);
    }

    /** Stops the thread and withdraws every failure. */
    @Override
    public void close() {
        stopper.shutdown();
        failures.values().forEach(InterimHostSupport::unregister);
        failures.clear();
    }

    private static void unregister(ServiceRegistration<HostFailure> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // gone with the host bundle
            }
        }
    }

    private record Failure(String resource, long bundleId, String message) implements HostFailure {}
}
