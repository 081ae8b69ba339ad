package dev.plinth.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One entry of the join's list, Staminal's {@code ModInfo} with Plinth's fields: every started resource that sends
 * clients something.
 *
 * @param modId the resource (mod) name
 * @param modType a mod's {@code bootstrap} or {@code library}; {@code resource} for the other resources
 * @param downloadUrl where to download it: a Staminal route ({@code /stam/mods-manager/ID/download/client}) when a
 *     mod's {@code RequestUri} handler serves mods, else the payload listing
 * @param archiveSha512 the SHA-512 of its client package in {@code mod-packages/} (mods), else empty
 * @param archiveBytes the size of that package, else 0
 * @param uncompressedBytes the size of its files together
 * @param resourceType its category ({@code script}, {@code map}, {@code mod}...)
 * @param version its version
 * @param payloadUrl its payload listing ({@code /plinth/resources/NAME})
 * @param payloadHash the hash of its listing: equal hashes, nothing to download again
 */
public record ModInfo(@JsonProperty("mod_id") String modId, @JsonProperty("mod_type") String modType,
        @JsonProperty("download_url") String downloadUrl, @JsonProperty("archive_sha512") String archiveSha512,
        @JsonProperty("archive_bytes") long archiveBytes, @JsonProperty("uncompressed_bytes") long uncompressedBytes,
        @JsonProperty("resource_type") String resourceType, String version,
        @JsonProperty("payload_url") String payloadUrl, @JsonProperty("payload_hash") String payloadHash) {

    /** Validates the components. */
    public ModInfo {
        Objects.requireNonNull(modId, "modId");
        Objects.requireNonNull(modType, "modType");
        Objects.requireNonNull(downloadUrl, "downloadUrl");
        Objects.requireNonNull(archiveSha512, "archiveSha512");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(payloadUrl, "payloadUrl");
        Objects.requireNonNull(payloadHash, "payloadHash");
    }
}
