package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.descriptor.ManifestException;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import java.util.List;

/** Reads one manifest format into the normalized descriptor. Stateless and thread-safe. */
sealed interface ManifestReader
        permits ResourceTomlReader, PluginTomlReader, MetaJsonReader, ModManifestReader, PackManifestReader {

    /**
     * Reads a parsed manifest.
     *
     * @param document the manifest, named after the resource's folder until it says otherwise
     * @param files the resource's files, to check the declared scripts exist
     * @return the descriptor
     * @throws ManifestException naming the field, its line and the error code
     */
    ResourceDescriptor read(ManifestDocument document, ResourceFiles files);

    /**
     * The warnings about what a manifest holds that this format does not read, so that a misspelt key is said
     * rather than silently lost. Formats whose files carry fields for other tools (JSON manifests) have none.
     *
     * @param document the manifest, named after the resource it describes
     * @return one sentence per key read no further, naming the resource, the file, the line and the field
     */
    default List<String> unread(ManifestDocument document) {
        return List.of();
    }
}
