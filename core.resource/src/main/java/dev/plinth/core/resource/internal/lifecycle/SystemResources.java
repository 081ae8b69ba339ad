package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.internal.deploy.BundleDescriptors;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The bundles that are not deployed from {@code resources/}: the framework, Plinth's own bundles and the
 * {@code server} resource (core.runtime). They are visible to {@code resource:info} but outside the resource
 * lifecycle. A bundle installed from {@code resources/} is never one of them, not even in the moment between its
 * installation and its registration as a deployment.
 */
final class SystemResources {

    private SystemResources() {}

    /** A bundle known by this resource name or symbolic name that is not a deployed resource. */
    static Optional<Bundle> find(BundleContext context, String name, Deployments deployments) {
        return Arrays.stream(context.getBundles())
                .filter(b -> isSystem(b, deployments))
                .filter(b -> name.equals(BundleDescriptors.nameOf(b)) || name.equals(b.getSymbolicName()))
                .findFirst();
    }

    /** The system bundles that provide a resource capability, such as {@code server}. */
    static List<Bundle> listed(BundleContext context, Deployments deployments) {
        return Arrays.stream(context.getBundles())
                .filter(b -> isSystem(b, deployments))
                .filter(b -> b.getState() != Bundle.UNINSTALLED)
                .filter(SystemResources::providesResource)
                .toList();
    }

    private static boolean isSystem(Bundle bundle, Deployments deployments) {
        return !bundle.getLocation().startsWith(ResourceSource.LOCATION_PREFIX)
                && deployments.byBundle(bundle.getBundleId()).isEmpty();
    }

    private static boolean providesResource(Bundle bundle) {
        var revision = bundle.adapt(org.osgi.framework.wiring.BundleRevision.class);
        return revision != null && !revision.getDeclaredCapabilities(
                dev.plinth.core.resource.internal.deploy.BundleHeaders.NAMESPACE).isEmpty();
    }
}
