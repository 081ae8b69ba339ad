package dev.plinth.lang.js.internal.binding;

import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Finds the bundle of a resource by its name: the bundle whose {@code plinth.resource} capability names it.
 */
public final class ResourceBundles {

    /** The capability namespace of resources. */
    public static final String NAMESPACE = "plinth.resource";

    private ResourceBundles() {}

    /**
     * The bundle of a resource.
     *
     * @param context any bundle context
     * @param name the resource name
     * @return its bundle, empty when no installed bundle is that resource
     */
    public static Optional<Bundle> find(BundleContext context, String name) {
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            for (var capability : revision.getDeclaredCapabilities(NAMESPACE)) {
                if (name.equals(capability.getAttributes().get(NAMESPACE))) {
                    return Optional.of(bundle);
                }
            }
        }
        return Optional.empty();
    }
}
