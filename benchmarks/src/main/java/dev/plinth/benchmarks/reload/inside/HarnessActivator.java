package dev.plinth.benchmarks.reload.inside;

import java.util.Hashtable;
import java.util.function.Function;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the harness bundle the reload harness installs into the test server: it registers the run, a
 * {@code Function<Map, Map>} (a JDK type, the same on both sides of the framework) with the property
 * {@value #PROPERTY}{@code =reload}, which the harness outside calls once per language.
 */
public final class HarnessActivator implements BundleActivator {

    /** The service property that names the run. */
    public static final String PROPERTY = "plinth.harness";

    /** Creates the activator; the framework does. */
    public HarnessActivator() {
        // stateless
    }

    @Override
    public void start(BundleContext context) {
        var properties = new Hashtable<String, Object>();
        properties.put(PROPERTY, "reload");
        context.registerService(Function.class, new ReloadRun(context), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the run goes with the bundle
    }
}
