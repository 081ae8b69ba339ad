package dev.plinth.core.resource.payload;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The client side of a Staminal mod, from its client manifest ({@code client/manifest.json}, else the root one).
 *
 * @param manifest the manifest read, relative to the mod ({@code client/manifest.json})
 * @param displayName its {@code name}
 * @param modType {@code bootstrap} or {@code library}
 * @param priority lower loads first
 * @param entry its entry point relative to the mod, empty for an assets-only mod
 * @param requires what it requires as written: mod ids, {@code @client}, {@code @server}, {@code @game} to
 *     {@code "1.0.0"} or {@code "1.0.0,2.0.0"}
 */
public record ClientMod(String manifest, String displayName, String modType, int priority, Optional<String> entry,
        Map<String, String> requires) {

    /** Validates and copies the components. */
    public ClientMod {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(modType, "modType");
        Objects.requireNonNull(entry, "entry");
        requires = Map.copyOf(requires);
    }
}
