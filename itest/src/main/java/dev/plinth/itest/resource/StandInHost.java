package dev.plinth.itest.resource;

import dev.plinth.core.runtime.host.HostFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;

/**
 * A language host reduced to the contract core.resource defines for every host: it "runs" the resource bundles
 * that carry {@value #SCRIPT}; a script reading {@code fail:MESSAGE} fails at start, so the host registers a
 * {@link HostFailure} and stops the bundle again before {@code Bundle.start} returns, as a BundleTracker-based
 * host must. {@link #failLater} fails a running resource from the host's own thread, as a host does with a
 * resource that broke its limits.
 *
 * <p>Thread-safe; the framework calls {@link #bundleChanged} synchronously on the thread that starts a bundle.
 */
final class StandInHost implements SynchronousBundleListener, AutoCloseable {

    /** The file that makes a resource one of this host's. */
    static final String SCRIPT = "stand-in.txt";
    private static final String FAIL = "fail:";

    private final BundleContext context;
    private final Map<Long, ServiceRegistration<HostFailure>> failures = new ConcurrentHashMap<>();

    StandInHost(BundleContext context) {
        this.context = context;
    }

    /** Starts watching the bundles that start. */
    void open() {
        context.addBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.STARTED) {
            return;
        }
        Bundle bundle = event.getBundle();
        URL script = bundle.getEntry(SCRIPT);
        if (script == null) {
            return;
        }
        String text = read(script);
        if (text.startsWith(FAIL)) {
            fail(bundle, text.substring(FAIL.length()).strip());
        } else {
            clear(bundle);
        }
    }

    /**
     * Fails a running resource from the host's own thread and waits until its bundle is stopped.
     *
     * @param bundle the resource bundle
     * @param message the failure
     */
    void failLater(Bundle bundle, String message) throws InterruptedException {
        failLater(bundle, message, () -> { });
    }

    /**
     * Fails a running resource from the host's own thread, running something between the registration of the
     * failure and the stop of the bundle, and waits until its bundle is stopped.
     */
    void failLater(Bundle bundle, String message, Runnable beforeStop) throws InterruptedException {
        Thread host = Thread.ofPlatform().name("stand-in-host").start(() -> fail(bundle, message, beforeStop));
        host.join();
    }

    private void fail(Bundle bundle, String message) {
        fail(bundle, message, () -> { });
    }

    private void fail(Bundle bundle, String message, Runnable beforeStop) {
        long id = bundle.getBundleId();
        var properties = new Hashtable<String, Object>();
        properties.put(HostFailure.RESOURCE, bundle.getSymbolicName());
        properties.put(HostFailure.BUNDLE_ID, id);
        HostFailure failure = new Failure(bundle.getSymbolicName(), id, message);
        ServiceRegistration<HostFailure> previous =
                failures.put(id, context.registerService(HostFailure.class, failure, properties));
        if (previous != null) {
            previous.unregister();
        }
        beforeStop.run();
        try {
            bundle.stop(Bundle.STOP_TRANSIENT);
        } catch (BundleException e) {
            throw new IllegalStateException(e);
        }
    }

    private void clear(Bundle bundle) {
        ServiceRegistration<HostFailure> registration = failures.remove(bundle.getBundleId());
        if (registration != null) {
            registration.unregister();
        }
    }

    private static String read(URL script) {
        try (InputStream in = script.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
        failures.values().forEach(ServiceRegistration::unregister);
        failures.clear();
    }

    private record Failure(String resource, long bundleId, String message) implements HostFailure {}
}
