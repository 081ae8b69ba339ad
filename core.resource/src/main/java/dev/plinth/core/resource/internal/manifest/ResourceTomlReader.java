package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * alt:V style {@code resource.toml}: {@code type} ({@code js}, {@code lua}, {@code wasm}, or {@code asset-pack} for
 * assets only), {@code main}, {@code client-main}, {@code client-files} and {@code deps} (names of resources, any
 * version). The resource is named after its folder. Plinth also reads optional {@code version}, {@code author} and
 * {@code description}.
 */
final class ResourceTomlReader implements ManifestReader {

    /** The keys Plinth reads. */
    private static final List<String> KEYS = List.of("type", "main", "client-main", "client-files", "deps", "version",
            "author", "description");

    @Override
    public ResourceDescriptor read(ManifestDocument document, ResourceFiles files) {
        String name = ManifestRules.folderName(document, files.name());
        ManifestNode top = document.named(name).top();
        ManifestNode typeField = top.get("type");
        String type = typeField.requiredText();
        Language language = switch (type) {
            case "js" -> Language.JS;
            case "lua" -> Language.LUA;
            case "wasm" -> Language.WASM;
            case "asset-pack" -> Language.NONE;
            default -> throw typeField.invalid("unknown type '" + type
                    + "': Plinth runs js, lua and wasm resources, and asset-pack for assets only");
        };
        Optional<String> main = language == Language.NONE ? Optional.empty()
                : Optional.of(ManifestRules.path(top.get("main"), files, true));
        var clientFiles = new ArrayList<String>();
        Optional<String> clientMain = Optional.empty();
        if (top.get("client-main").present()) {
            clientMain = Optional.of(ManifestRules.path(top.get("client-main"), files, true));
            clientFiles.add(clientMain.get());
        }
        clientFiles.addAll(top.get("client-files").texts());
        var dependencies = new ArrayList<Dependency>();
        for (ManifestNode dep : top.get("deps").elements()) {
            dependencies.add(Dependency.on(ManifestRules.name(dep, dep.requiredText()), Dependency.ANY));
        }
        return new ResourceDescriptor(name, ManifestFormat.RESOURCE_TOML, document.file(), ResourceType.SCRIPT,
                language, VersionSyntax.version(top.get("version")), top.get("author").text().orElse(""),
                top.get("description").text().orElse(""), main, List.of(), List.of(), clientFiles,
                ManifestRules.dependencies(top.get("deps"), dependencies), Map.of(), ResourceLimits.NONE,
                new FormatDetails.ResourceToml(type, clientMain));
    }

    @Override
    public List<String> unread(ManifestDocument document) {
        return UnknownKeys.in(document.top(), KEYS, Map.of());
    }
}
