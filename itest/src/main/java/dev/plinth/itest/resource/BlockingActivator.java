package dev.plinth.itest.resource;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a Java plugin whose start takes three seconds: copied into a plugin jar by the timeout test. */
public final class BlockingActivator implements BundleActivator {

    /** How long a start takes. */
    static final long START_MILLIS = 3000;

    @Override
    public void start(BundleContext context) throws InterruptedException {
        Thread.sleep(START_MILLIS);
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to undo
    }
}
