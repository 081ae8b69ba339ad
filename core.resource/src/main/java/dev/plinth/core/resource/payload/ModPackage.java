package dev.plinth.core.resource.payload;

import dev.plinth.core.resource.descriptor.Side;
import java.util.Map;
import java.util.Objects;

/**
 * One mod package, an entry of {@code mod-packages.json}.
 *
 * @param id the mod id
 * @param side the side it packs
 * @param manifest the side's manifest as written ({@code name version description entry_point execute_on priority
 *     type requires})
 * @param sha512 the SHA-512 of the zip, lower-case hexadecimal
 * @param bytes the zip's size
 * @param uncompressedBytes the size of the files it holds
 * @param path the zip's name in {@code mod-packages/}
 */
public record ModPackage(String id, Side side, Map<String, Object> manifest, String sha512, long bytes,
        long uncompressedBytes, String path) {

    /** Validates and copies the components. */
    public ModPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(side, "side");
        manifest = Map.copyOf(manifest);
        Objects.requireNonNull(sha512, "sha512");
        Objects.requireNonNull(path, "path");
    }
}
