package dev.plinth.core.sandbox.internal.host;

import dev.plinth.core.runtime.host.HostFailures;
import dev.plinth.core.sandbox.host.HostSupport;
import dev.plinth.core.sandbox.host.LogSink;
import dev.plinth.core.sandbox.host.ScriptLog;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The {@link HostSupport} of one host bundle (a bundle-scoped service): the host's own {@link HostFailures} (core.runtime's
 * bundle-scoped service, obtained through the host's context so the failures are the host's), its stopper thread
 * ({@value #STOPPER}), and the logs of its resources. Released with the host: failures withdrawn, the thread ended
 * after the stops under way (at most 10 s). Without core.runtime (a headless client's framework runs script engines and
 * no resources) there is nowhere to record a failure: it is logged as an error instead.
 *
 * <p>{@code HostFailures} is tracked through the host's context, not bound as a reference of this component: it may
 * come and go while the host runs (at shutdown SCR may end core.runtime's components before the hosts'), and a
 * reference whose service goes would make SCR create this support again, and with it every host that uses it: the
 * Lua and JavaScript hosts would start over in the middle of the shutdown and start the resources still active again.
 *
 * <p>Thread-safe.
 */
@Component(service = HostSupport.class, scope = ServiceScope.BUNDLE)
public final class BundleHostSupport implements HostSupport {

    /** The name of the stopper thread. */
    public static final String STOPPER = "plinth-sandbox-stopper";
    private static final String EXTENDER_NAMESPACE = "osgi.extender";

    private final Bundle host;
    private final LoggerFactory loggers;
    private final LoggerAdmin loggerAdmin;
    private final Logger log;
    /** core.runtime's {@code HostFailures}, as the host's context gets it; open while this support is. */
    private final ServiceTracker<HostFailures, HostFailures> failures;
    private final ExecutorService stopper;

    /**
     * Creates the support of the host bundle that gets the service, and starts tracking core.runtime's
     * {@code HostFailures} through the host's own context.
     *
     * @param context the component context, for the using (host) bundle
     * @param loggers the log service
     * @param loggerAdmin the log levels: a script's lines show at INFO whatever the default level
     */
    @Activate
    public BundleHostSupport(ComponentContext context, @Reference LoggerFactory loggers,
            @Reference LoggerAdmin loggerAdmin) {
        this.host = context.getUsingBundle();
        this.loggers = loggers;
        this.loggerAdmin = loggerAdmin;
        this.log = loggers.getLogger(BundleHostSupport.class);
        BundleContext hostContext = host.getBundleContext();
        this.failures = new ServiceTracker<>(hostContext, HostFailures.class, null);
        failures.open();
        this.stopper = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(STOPPER).daemon().factory());
    }

    /**
     * Forgets the host's failures and ends the stopper thread once the stops under way are done.
     *
     * @throws InterruptedException when interrupted while waiting for the stops under way
     */
    @Deactivate
    public void close() throws InterruptedException {
        stopper.shutdown();
        stopper.awaitTermination(10, TimeUnit.SECONDS);
        try {
            failures.close();
        } catch (IllegalStateException e) {
            // the host is stopping: the framework releases its services
        }
    }

    @Override
    public boolean serves(Bundle resource, String extender) {
        BundleWiring wiring = resource.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(EXTENDER_NAMESPACE)) {
            if (extender.equals(wire.getCapability().getAttributes().get(EXTENDER_NAMESPACE))
                    && wire.getProvider().getBundle().equals(host)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void failed(Bundle resource, String name, String message) {
        record(resource, name, message);
    }

    @Override
    public void failStart(Bundle resource, String name, String message) {
        record(resource, name, message);
        stop(resource, name);
    }

    @Override
    public void cleared(Bundle resource) {
        HostFailures known = failures.getService();
        if (known != null) {
            known.clear(resource);
        }
    }

    private void record(Bundle resource, String name, String message) {
        HostFailures known = failures.getService();
        if (known == null) {
            log.error("{} failed (no resource manager to record it): {}", name, message);
        } else {
            known.record(resource, name, message);
        }
    }

    @Override
    public void stopLater(Bundle resource, String name, String message, BooleanSupplier stillApplies) {
        try {
            stopper.execute(() -> {
                if (stillApplies.getAsBoolean()) {
                    record(resource, name, message);
                    stop(resource, name);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("{} failed while its host stops: {}", name, message);
        }
    }

    private void stop(Bundle resource, String name) {
        try {
            resource.stop(Bundle.STOP_TRANSIENT);
        } catch (BundleException | IllegalStateException e) {
            log.error("could not stop the failed resource {}: {}", name, e.toString());
        }
    }

    @Override
    public ScriptLog log(Bundle resource, String name, String language, int linesPerSecond) {
        LoggerContext levels = loggerAdmin.getLoggerContext(resource.getSymbolicName());
        var configured = new HashMap<>(levels.getLogLevels());
        if (configured.putIfAbsent(language, LogLevel.INFO) == null) {
            levels.setLogLevels(configured);
        }
        return new RateLimitedLog(loggers.getLogger(resource, language, Logger.class), name, linesPerSecond,
                System::nanoTime);
    }

    @Override
    public ScriptLog log(String name, int linesPerSecond, LogSink sink) {
        return new RateLimitedLog(sink, name, linesPerSecond, System::nanoTime);
    }
}
