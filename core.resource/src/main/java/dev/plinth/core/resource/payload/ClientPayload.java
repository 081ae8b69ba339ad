package dev.plinth.core.resource.payload;

import dev.plinth.core.resource.descriptor.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.Version;

/**
 * What clients receive of one started resource.
 *
 * @param resource the resource name
 * @param type its category ({@code script}, {@code map}, {@code mod}...)
 * @param version its version
 * @param author its author, empty when none is named
 * @param description its description, possibly empty
 * @param dependencies the names of the resources it needs
 * @param files its client files, sorted by path
 * @param scripts the scripts a client runs, in order ({@code client}/{@code shared} scripts of a meta.json, a
 *     resource.toml's {@code client-main}); empty for a Staminal mod (its {@link #mod()} says) and assets-only resources
 * @param mod the client side of a Staminal mod, if it is one
 * @param hash the SHA-256 of the listing (each file's path, size, hash and cache flag): equal hashes, equal payloads
 */
public record ClientPayload(String resource, ResourceType type, Version version, String author, String description,
        List<String> dependencies, List<PayloadFile> files, List<String> scripts, Optional<ClientMod> mod,
        String hash) {

    /** Validates and copies the components. */
    public ClientPayload {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(description, "description");
        dependencies = List.copyOf(dependencies);
        files = List.copyOf(files);
        scripts = List.copyOf(scripts);
        Objects.requireNonNull(mod, "mod");
        Objects.requireNonNull(hash, "hash");
    }

    /** {@return the bytes of every file together} */
    public long size() {
        return files.stream().mapToLong(PayloadFile::size).sum();
    }

    /**
     * One file by its path.
     *
     * @param path relative to the resource
     * @return the file, if the payload has it
     */
    public Optional<PayloadFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }
}
