package dev.plinth.core.events.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The resource name of a bundle, as every Plinth module names it: the {@code plinth.resource} attribute of the
 * bundle's {@code plinth.resource} capability, else its symbolic name.
 */
final class ResourceNames {

    static final String NAMESPACE = "plinth.resource";

    private ResourceNames() {}

    static String of(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision != null) {
            for (BundleCapability capability : revision.getDeclaredCapabilities(NAMESPACE)) {
                if (capability.getAttributes().get(NAMESPACE) instanceof String name && !name.isBlank()) {
                    return name;
                }
            }
        }
        String symbolicName = bundle.getSymbolicName();
        return symbolicName != null ? symbolicName : "bundle " + bundle.getBundleId();
    }
}
