package dev.plinth.core.runtime.internal.owner;

import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The resource a bundle is: the {@code plinth.resource} attribute of the capability it provides, else its
 * symbolic name. Everything a bundle registers (commands, tasks, config files) is owned under this name.
 *
 * @param name the resource name
 */
public record Owner(String name) {

    /** The capability namespace of resources. */
    public static final String NAMESPACE = "plinth.resource";

    /** The resource this bundle is: the game itself, the source of every game event. */
    public static final Owner SERVER = new Owner("server");

    /** Validates the component. */
    public Owner {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The owner a bundle stands for.
     *
     * @param bundle the bundle
     * @return its resource name
     */
    public static Owner of(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision != null) {
            for (var capability : revision.getDeclaredCapabilities(NAMESPACE)) {
                if (capability.getAttributes().get(NAMESPACE) instanceof String name) {
                    return new Owner(name);
                }
            }
        }
        return new Owner(Objects.requireNonNullElse(bundle.getSymbolicName(), "bundle-" + bundle.getBundleId()));
    }

    @Override
    public String toString() {
        return name;
    }
}
