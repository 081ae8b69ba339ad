package dev.plinth.core.resource.descriptor;

/** The manifest a resource was described with. */
public enum ManifestFormat {
    /** alt:V style {@code resource.toml}: {@code type main client-main client-files deps}. */
    RESOURCE_TOML("resource.toml"),
    /** {@code plugin.toml}: {@code [plugin] [dependencies] [permissions] [resources]}. */
    PLUGIN_TOML("plugin.toml"),
    /** MTADM {@code meta.json}: {@code name resourceType scripts[] assets[]...}. */
    META_JSON("meta.json"),
    /** A Staminal mod's {@code manifest.json} ({@code server/manifest.json} first). */
    MOD_MANIFEST("manifest.json"),
    /** A Minecraft Bedrock pack's {@code manifest.json} ({@code format_version header modules dependencies}). */
    PACK_MANIFEST("manifest.json"),
    /** A Java plugin: an OSGi bundle whose own headers describe it. */
    BUNDLE("META-INF/MANIFEST.MF");

    private final String fileName;

    ManifestFormat(String fileName) {
        this.fileName = fileName;
    }

    /**
     * The manifest's file name.
     *
     * @return for example {@code resource.toml}
     */
    public String fileName() {
        return fileName;
    }
}
