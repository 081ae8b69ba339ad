package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.descriptor.ManifestException;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;

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
}
