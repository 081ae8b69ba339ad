package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.BundleDescriptors;
import dev.plinth.core.resource.internal.deploy.BundleFactory;
import dev.plinth.core.resource.internal.deploy.ResourceScanner;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevisions;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs, updates and uninstalls resource bundles, and refreshes the framework's wiring after a change so that
 * the dependents see the new content. The bundles changed here are stopped: starting them is the lifecycle's job.
 *
 * <p>Thread-safe; the framework serializes the changes to one bundle.
 */
final class BundleUpdates {

    private static final long REFRESH_TIMEOUT_SECONDS = 30;

    private final BundleContext context;
    private final Deployments deployments;
    private final StateTable states;
    private final BundleFactory factory;

    BundleUpdates(BundleContext context, Deployments deployments, StateTable states, BundleFactory factory) {
        this.context = context;
        this.deployments = deployments;
        this.states = states;
        this.factory = factory;
    }

    /** Whether the source's content differs from what the deployed bundle was built from. */
    boolean changed(Deployment deployment) {
        return !ResourceScanner.fingerprint(deployment.source()).equals(deployment.fingerprint());
    }

    /** Installs a newly built bundle (or takes over the one the framework kept from a previous run) and registers it. */
    Deployment install(ResourceSource source, BundleFactory.Built built) {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(built.file())) {
            bundle = context.installBundle(source.location(), in);
        } catch (BundleException | IOException e) {
            factory.discard(built.file());
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, source.fileName(),
                    source.relative() + " cannot be installed as a bundle: " + e.getMessage(), e);
        }
        var deployment = new Deployment(descriptor(built, bundle), source, bundle.getBundleId(), built.file(),
                built.fingerprint(), built.files());
        states.loaded(bundle.getBundleId());
        return deployment;
    }

    /** Replaces a stopped resource's content with a new build, and registers the new deployment. */
    Deployment apply(Deployment previous, BundleFactory.Built built) {
        try {
            checkName(previous, built);
        } catch (ResourceException e) {
            factory.discard(built.file());
            throw e;
        }
        Bundle bundle = update(previous, built.file());
        var deployment = new Deployment(descriptor(built, bundle), previous.source(), previous.bundleId(),
                built.file(), built.fingerprint(), built.files());
        deployments.put(deployment);
        states.loaded(bundle.getBundleId());
        return deployment;
    }

    /**
     * Refuses a new content that renames its resource.
     *
     * @throws ResourceException ERR_INVALID_NAME when the new manifest names another resource
     */
    void checkName(Deployment previous, BundleFactory.Built built) {
        String newName = built.descriptor().map(ResourceDescriptor::name).orElse(previous.name());
        if (!newName.equals(previous.name())) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_NAME, previous.name(), previous.name()
                    + "'s manifest now names it " + newName + ": a renamed resource is deployed anew when its "
                    + "folder is scanned, not restarted under its old name");
        }
    }

    /** Puts the previous content back after a failed update. */
    void restore(Deployment failed, Deployment previous) {
        update(failed, previous.bundleFile());
        deployments.put(previous);
        factory.discard(failed.bundleFile());
    }

    /** Uninstalls a stopped resource and refreshes the wiring of what depended on it. */
    void uninstall(Deployment deployment) {
        Bundle bundle = context.getBundle(deployment.bundleId());
        deployments.remove(deployment.source().relative());
        states.forget(deployment.bundleId());
        if (bundle != null) {
            try {
                bundle.uninstall();
            } catch (BundleException e) {
                throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, deployment.name(),
                        deployment.name() + " cannot be uninstalled: " + e.getMessage(), e);
            }
            refresh(List.of(bundle));
        }
        factory.discard(deployment.bundleFile());
    }

    /**
     * The bundles a refresh of this one takes along: those wired to it, directly or not (its dependents, and bundles
     * importing its packages).
     *
     * @param bundle the bundle to be refreshed
     * @return the others, in no order
     */
    Collection<Bundle> refreshedWith(Bundle bundle) {
        var closure = new ArrayList<>(wiring().getDependencyClosure(List.of(bundle)));
        closure.remove(bundle);
        return closure;
    }

    /**
     * Resolves bundles and what they need in one run of the resolver; those it cannot resolve stay installed (each
     * one's own {@link #resolve} says so then).
     */
    void resolveAll(List<Bundle> bundles) {
        List<Bundle> installed = bundles.stream().filter(b -> b.getState() == Bundle.INSTALLED).toList();
        if (!installed.isEmpty()) {
            wiring().resolveBundles(installed);
        }
    }

    /** Resolves a bundle and what it needs; false when the resolver cannot. */
    boolean resolve(Bundle bundle) {
        return bundle.getState() != Bundle.INSTALLED || wiring().resolveBundles(List.of(bundle));
    }

    /**
     * Updates a stopped bundle with new content. The framework drops the earlier revision at once when no bundle is
     * wired to it (Felix refreshes the bundle inside {@code update}, on this thread): one revision is left and there
     * is nothing more to refresh. When bundles are wired to an earlier revision, the framework keeps it until a
     * refresh, which this makes and waits for: the dependents then see the new content.
     */
    private Bundle update(Deployment deployment, Path file) {
        Bundle bundle = context.getBundle(deployment.bundleId());
        if (bundle == null) {
            throw new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, deployment.name(),
                    deployment.name() + " was uninstalled meanwhile");
        }
        try (InputStream in = Files.newInputStream(file)) {
            bundle.update(in);
        } catch (BundleException | IOException e) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, deployment.name(),
                    deployment.name() + " cannot be updated: " + e.getMessage(), e);
        }
        if (bundle.adapt(BundleRevisions.class).getRevisions().size() > 1) {
            refresh(List.of(bundle));
        }
        return bundle;
    }

    /** Refreshes bundles and waits until the framework is done (or 30 s have passed). */
    private void refresh(Collection<Bundle> bundles) {
        var done = new CountDownLatch(1);
        wiring().refreshBundles(bundles, event -> done.countDown());
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ResourceException(ResourceErrorCode.ERR_START_TIMEOUT, bundles.iterator().next()
                        .getSymbolicName(), "the framework did not refresh within " + REFRESH_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    private static ResourceDescriptor descriptor(BundleFactory.Built built, Bundle bundle) {
        return built.descriptor().orElseGet(() -> BundleDescriptors.of(bundle));
    }
}
