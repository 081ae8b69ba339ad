package dev.plinth.itest.resource;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a Java plugin whose start fails: copied into a plugin jar by the timeout test. */
public final class FailingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("the plugin's configuration is missing");
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
