package dev.plinth.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What clients receive of one started resource: {@code GET /plinth/resources/NAME}.
 *
 * @param name the resource name
 * @param resourceType its category
 * @param version its version
 * @param author its author, possibly empty
 * @param description its description, possibly empty
 * @param dependencies the names of the resources it needs
 * @param hash the hash of the listing
 * @param files its files
 * @param scripts the scripts a client runs, in order
 * @param mod the client side of a Staminal mod, else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PayloadListing(String name, String resourceType, String version, String author, String description,
        List<String> dependencies, String hash, List<Entry> files, List<String> scripts, @Nullable Mod mod) {

    /** Validates and copies the components. */
    public PayloadListing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(description, "description");
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(hash, "hash");
        files = List.copyOf(files);
        scripts = List.copyOf(scripts);
    }

    /** {@return the bytes of every file together} */
    public long size() {
        return files.stream().mapToLong(Entry::size).sum();
    }

    /**
     * One file.
     *
     * @param path relative to the resource, with {@code /}
     * @param size its size
     * @param hash its SHA-256
     * @param cache whether the client may keep it between sessions
     * @param kind {@code script}, {@code asset} or {@code file}
     */
    public record Entry(String path, long size, String hash, boolean cache, String kind) {

        /** Validates the components. */
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * The client side of a Staminal mod.
     *
     * @param manifest the client manifest read ({@code client/manifest.json})
     * @param name its display name
     * @param type {@code bootstrap} or {@code library}
     * @param priority lower loads first
     * @param entry its entry point, {@code null} for an assets-only mod
     * @param requires mod ids, {@code @client}, {@code @server}, {@code @game} to {@code "1.0.0"} or
     *     {@code "1.0.0,2.0.0"}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mod(String manifest, String name, String type, int priority, @Nullable String entry,
            Map<String, String> requires) {

        /** Validates and copies the components. */
        public Mod {
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            requires = Map.copyOf(requires);
        }
    }
}
