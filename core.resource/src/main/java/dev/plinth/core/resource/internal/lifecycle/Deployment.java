package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SortedMap;

/**
 * A resource deployed from {@code resources/}: its source, its manifest as read, and the bundle built from it.
 *
 * @param descriptor the manifest, read
 * @param source where it was deployed from
 * @param bundleId the bundle
 * @param bundleFile the bundle file installed, kept to put it back if a new version fails to start
 * @param fingerprint the source's fingerprint when the bundle was built
 * @param files the source's files when the bundle was built (path to size and time), to tell what changed since
 */
public record Deployment(ResourceDescriptor descriptor, ResourceSource source, long bundleId, Path bundleFile,
        String fingerprint, SortedMap<String, String> files) {

    /** Validates the components. */
    public Deployment {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bundleFile, "bundleFile");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** {@return the resource name} */
    public String name() {
        return descriptor.name();
    }
}
