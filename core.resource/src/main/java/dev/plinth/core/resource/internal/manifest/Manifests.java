package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.ManifestException;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.Side;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds a resource's manifest among its files and reads it: {@code resource.toml}, {@code plugin.toml},
 * {@code meta.json}, or {@code manifest.json} — a Staminal mod's ({@code server/manifest.json} first, then the root
 * one) or a Bedrock pack's (recognised by its {@code format_version} and {@code header}). Stateless.
 */
public final class Manifests {

    private static final String SERVER_MOD_MANIFEST = "server/manifest.json";
    private static final String CLIENT_MOD_MANIFEST = "client/manifest.json";
    private static final String MANIFEST_JSON = "manifest.json";

    /** The most bytes a manifest may hold: 1 MiB, far more than any real one. */
    public static final long MAX_MANIFEST_BYTES = 1L << 20;

    private Manifests() {}

    /**
     * Whether these files hold a manifest, so that the folder is a resource rather than a category or stray folder.
     *
     * @param files the candidate's files
     * @return {@code true} when one of the manifest files exists
     */
    public static boolean hasManifest(ResourceFiles files) {
        return !present(files).isEmpty();
    }

    /**
     * Reads the resource's manifest, dropping the warnings about keys it does not read.
     *
     * @param files the resource's files
     * @return its descriptor, or empty when it has no manifest
     * @throws ManifestException when the manifest is invalid, or when there are two
     */
    public static Optional<ResourceDescriptor> read(ResourceFiles files) {
        return read(files, warning -> {});
    }

    /**
     * Reads the resource's manifest.
     *
     * @param files the resource's files
     * @param warnings receives one sentence per key the manifest holds and Plinth does not read (a misspelt
     *     {@code verison}, {@code depends} in {@code [plugin]}), naming the resource, the file, the line and the key
     * @return its descriptor, or empty when it has no manifest
     * @throws ManifestException when the manifest is invalid, or when there are two
     */
    public static Optional<ResourceDescriptor> read(ResourceFiles files, Consumer<String> warnings) {
        List<String> manifests = present(files);
        if (manifests.isEmpty()) {
            return Optional.empty();
        }
        if (manifests.size() > 1) {
            throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, files.name(), manifests.get(1), 0, "",
                    "the resource has both " + manifests.get(0) + " and " + manifests.get(1) + ": keep one manifest");
        }
        String file = manifests.getFirst();
        byte[] content = content(files, file);
        ManifestDocument document = switch (file) {
            case "resource.toml", "plugin.toml" -> TomlManifests.parse(files.name(), file, content);
            default -> JsonManifests.parse(files.name(), file, content);
        };
        ManifestReader reader = switch (file) {
            case "resource.toml" -> new ResourceTomlReader();
            case "plugin.toml" -> new PluginTomlReader();
            case "meta.json" -> new MetaJsonReader();
            default -> {
                boolean pack = document.root().has("format_version") || document.root().has("header");
                yield pack && file.equals(MANIFEST_JSON) ? new PackManifestReader() : new ModManifestReader();
            }
        };
        ResourceDescriptor descriptor = reader.read(document, files);
        reader.unread(document.named(descriptor.name())).forEach(warnings);
        return Optional.of(descriptor);
    }

    /**
     * Reads a Staminal mod's manifest as clients do: {@code client/manifest.json} first, then the root one; its
     * entry point is the client's.
     *
     * @param files the mod's files
     * @return the client's descriptor of the mod, or empty when it has neither manifest
     * @throws ManifestException when the manifest is invalid
     */
    public static Optional<ResourceDescriptor> readClientMod(ResourceFiles files) {
        String file = files.exists(CLIENT_MOD_MANIFEST) ? CLIENT_MOD_MANIFEST
                : files.exists(MANIFEST_JSON) ? MANIFEST_JSON : null;
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(new ModManifestReader(Side.CLIENT)
                .read(JsonManifests.parse(files.name(), file, content(files, file)), files));
    }

    /** The manifests present, in precedence order; the root manifest.json is hidden by a server one. */
    private static List<String> present(ResourceFiles files) {
        var found = new ArrayList<String>();
        for (String candidate : List.of("resource.toml", "plugin.toml", "meta.json")) {
            if (files.exists(candidate)) {
                found.add(candidate);
            }
        }
        if (files.exists(SERVER_MOD_MANIFEST)) {
            found.add(SERVER_MOD_MANIFEST);
        } else if (files.exists(MANIFEST_JSON)) {
            found.add(MANIFEST_JSON);
        }
        return found;
    }

    private static byte[] content(ResourceFiles files, String file) {
        try {
            return files.read(file, MAX_MANIFEST_BYTES);
        } catch (FileTooLargeException e) {
            throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, files.name(), file, 0, "",
                    (e.size() < 0 ? "unpacks to more than" : "holds " + FileTooLargeException.describe(e.size())
                            + ", more than") + " the " + FileTooLargeException.describe(e.limit()) + " a manifest may hold");
        } catch (IOException e) {
            throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, files.name(), file, 0, "",
                    "cannot be read: " + e.getMessage());
        }
    }
}
