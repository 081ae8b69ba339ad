package dev.plinth.testkit;

import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.ResourceState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts the resources a test added to the home, once the resource manager has deployed them: each is started with
 * what it needs, or the test fails with the resource's own error, the file and the line included. No test sleeps
 * for a resource.
 *
 * <p>Stateless; called on the test's thread.
 */
final class ResourceStarts {

    private static final String READY = "(&(objectClass=org.osgi.service.condition.Condition)"
            + "(osgi.condition.id=plinth.resources.ready))";

    private ResourceStarts() {}

    /**
     * Waits for the resources to be deployed and starts them.
     *
     * @param context the framework's context
     * @param sources the resources' folder or file names in {@code resources/}
     * @param timeout how long to wait for the resource manager
     * @throws TestkitException when core.resource is not on the class path, a resource is not deployed, or one
     *     does not start: with its error
     */
    static void await(BundleContext context, List<String> sources, Duration timeout) {
        ServiceTracker<?, ?> ready = new ServiceTracker<>(context, filter(context), null);
        ServiceTracker<ResourceService, ResourceService> services = new ServiceTracker<>(context, ResourceService.class,
                null);
        ready.open();
        services.open();
        try {
            if (ready.waitForService(timeout.toMillis()) == null) {
                throw new TestkitException("the resource manager did not deploy resources/ within "
                        + timeout.toSeconds() + " s: is dev.plinth.core.resource on the test class path?");
            }
            ResourceService resources = services.waitForService(timeout.toMillis());
            if (resources == null) {
                throw new TestkitException("no ResourceService: is dev.plinth.core.resource on the test class path?");
            }
            for (String source : sources) {
                start(resources, source, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while waiting for the resources", e);
        } finally {
            services.close();
            ready.close();
        }
    }

    private static void start(ResourceService resources, String source, Duration timeout) throws InterruptedException {
        ResourceInfo info = deployed(resources, source, timeout);
        if (info.state() == ResourceState.ERROR && info.lastError().isPresent()) {
            throw new TestkitException("resources/" + source + " is not deployed: " + info.lastError().get());
        }
        try {
            resources.ensure(info.name());
        } catch (ResourceException e) {
            throw new TestkitException("resources/" + source + " did not start: " + e.getMessage(), e);
        }
    }

    /** The listing of a source, once the scanner has seen it (it scans after the ready condition too). */
    private static ResourceInfo deployed(ResourceService resources, String source, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ResourceInfo> info = resources.list().stream().filter(r -> r.source().equals(source)).findFirst();
            if (info.isPresent()) {
                return info.get();
            }
            if (System.nanoTime() > deadline) {
                throw new TestkitException("resources/" + source + " was not deployed within " + timeout.toSeconds()
                        + " s: does it have a manifest (plugin.toml, resource.toml, meta.json, manifest.json)? "
                        + "deployed: " + resources.names());
            }
            Thread.sleep(20); // the resource manager scans resources/ on a thread of its own
        }
    }

    private static org.osgi.framework.Filter filter(BundleContext context) {
        try {
            return context.createFilter(READY);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("a constant filter", e);
        }
    }
}
