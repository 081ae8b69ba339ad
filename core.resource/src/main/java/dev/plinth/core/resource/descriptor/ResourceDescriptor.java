package dev.plinth.core.resource.descriptor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.Version;

/**
 * One resource as its manifest describes it, whatever the manifest's format. Immutable.
 *
 * @param name the resource name: letters, digits, {@code _ . -}, at most 64 characters
 * @param format the manifest format it was read from
 * @param manifestPath the manifest file, relative to the resource root ({@code server/manifest.json})
 * @param type its category
 * @param language the language of its server code, and so its host
 * @param version its version
 * @param author its author, empty when none is named
 * @param description its description, possibly empty
 * @param main the server entry file ({@code main.lua}, {@code server/index.js}), if any
 * @param scripts the scripts it declares besides {@code main}
 * @param assets the asset files it declares
 * @param clientFiles the client entry and the file patterns clients receive ({@code client/*})
 * @param dependencies what it needs, at most 50
 * @param permissions the host APIs it asks for ({@code player = true}, {@code network = false})
 * @param limits the sandbox limits it asks for
 * @param details the fields only its format has
 */
public record ResourceDescriptor(String name, ManifestFormat format, String manifestPath, ResourceType type,
        Language language, Version version, String author, String description, Optional<String> main,
        List<ScriptFile> scripts, List<AssetFile> assets, List<String> clientFiles, List<Dependency> dependencies,
        Map<String, Boolean> permissions, ResourceLimits limits, FormatDetails details) {

    /** Validates and copies the components. */
    public ResourceDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(manifestPath, "manifestPath");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(main, "main");
        scripts = List.copyOf(scripts);
        assets = List.copyOf(assets);
        clientFiles = List.copyOf(clientFiles);
        dependencies = List.copyOf(dependencies);
        permissions = Map.copyOf(permissions);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(details, "details");
    }

    /**
     * The scripts the server runs: {@code main} first, then the declared server and shared scripts.
     *
     * @return paths relative to the resource root
     */
    public List<String> serverScripts() {
        var paths = new LinkedHashSet<String>();
        main.ifPresent(paths::add);
        scripts.stream().filter(s -> s.side().runsOnServer()).map(ScriptFile::path).forEach(paths::add);
        return List.copyOf(paths);
    }

    /**
     * Every file the manifest declares: {@code main}, the scripts and the assets.
     *
     * @return paths relative to the resource root, without duplicates
     */
    public List<String> files() {
        var paths = new LinkedHashSet<String>();
        main.ifPresent(paths::add);
        scripts.forEach(s -> paths.add(s.path()));
        assets.forEach(a -> paths.add(a.path()));
        return List.copyOf(paths);
    }

    /**
     * The manifest's permissions as the sandbox's {@code Grants} take them: present when the manifest has a
     * permissions section (a plugin.toml says whether it has one, even an empty one; other formats have one when they
     * name any permission), empty when it has none, so that the server's defaults apply.
     *
     * @return the permissions as written, or empty
     */
    public Optional<Map<String, Boolean>> permissionsSection() {
        boolean declared = details instanceof FormatDetails.PluginToml toml
                ? toml.permissionsSection() : !permissions.isEmpty();
        return declared ? Optional.of(permissions) : Optional.empty();
    }

    /**
     * Whether a permission was granted in the manifest.
     *
     * @param permission for example {@code player}
     * @return {@code true} only when the manifest sets it to true
     */
    public boolean permits(String permission) {
        return permissions.getOrDefault(permission, false);
    }
}
