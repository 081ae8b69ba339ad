package dev.plinth.core.resource.descriptor;

import java.util.Locale;

/**
 * What kind of resource a package is: metadata and classification only, it changes no authority or access rule.
 */
public enum ResourceType {
    /** A general-purpose runtime resource (meta.json's default, every resource.toml). */
    SCRIPT,
    /** A script resource that defines a primary gameplay or tool mode (meta.json). */
    GAMEMODE,
    /** A content resource that mainly ships baked map data (meta.json). */
    MAP,
    /** A plugin described by plugin.toml, or a Java plugin bundle. */
    PLUGIN,
    /** A Staminal mod. */
    MOD,
    /** A Minecraft Bedrock behavior or resource pack. */
    PACK;

    /**
     * The type as manifests and users write it.
     *
     * @return the lower-case name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
