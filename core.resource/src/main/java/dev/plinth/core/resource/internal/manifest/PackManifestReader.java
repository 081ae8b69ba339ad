package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.FormatDetails.PackModule;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * A Minecraft Bedrock pack's {@code manifest.json}: {@code format_version} (1, 2 or 3), {@code header} ({@code name
 * description uuid version min_engine_version}), {@code modules[]} ({@code type uuid version description language
 * entry}), {@code dependencies[]} (another pack by {@code uuid} and {@code version}, or a script API module by
 * {@code module_name}), {@code capabilities[]} and {@code metadata.authors[]}. Versions are arrays ({@code [1, 0, 0]})
 * or strings. The resource is named after its folder; a behavior pack (data or script modules) runs on the
 * Bedrock host, a resource pack is assets-only.
 */
final class PackManifestReader implements ManifestReader {

    @Override
    public ResourceDescriptor read(ManifestDocument document, ResourceFiles files) {
        String name = ManifestRules.folderName(document, files.name());
        ManifestNode top = document.named(name).top();
        ManifestNode header = top.get("header");
        if (!header.present()) {
            throw header.invalid("the header object is required");
        }
        header.fields();
        String uuid = uuid(header.get("uuid"));
        Version version = VersionSyntax.version(header.get("version"));
        ManifestNode engine = header.get("min_engine_version");
        Optional<Version> minEngine = engine.present() ? Optional.of(VersionSyntax.version(engine)) : Optional.empty();

        var modules = new ArrayList<PackModule>();
        Optional<String> main = Optional.empty();
        for (ManifestNode module : top.get("modules").elements()) {
            Optional<String> entry = module.get("entry").present()
                    ? Optional.of(ManifestRules.path(module.get("entry"), files, false)) : Optional.empty();
            modules.add(new PackModule(module.get("type").requiredText(), uuid(module.get("uuid")),
                    VersionSyntax.version(module.get("version")), module.get("description").text().orElse(""),
                    module.get("language").text(), entry));
            if (main.isEmpty() && module.get("type").requiredText().equals("script")) {
                main = entry;
            }
        }

        var dependencies = new ArrayList<Dependency>();
        var scriptModules = new LinkedHashMap<String, String>();
        for (ManifestNode dep : top.get("dependencies").elements()) {
            if (dep.get("module_name").present()) {
                scriptModules.put(dep.get("module_name").requiredText(), dep.get("version").node().asText());
            } else {
                Version required = VersionSyntax.version(dep.get("version"));
                dependencies.add(new Dependency(Dependency.Kind.PACK, uuid(dep.get("uuid")),
                        new VersionRange(VersionRange.LEFT_CLOSED, required, required, VersionRange.RIGHT_CLOSED)));
            }
        }

        ManifestNode metadata = top.get("metadata");
        metadata.fields();
        List<String> authors = metadata.get("authors").texts();
        ManifestNode format = top.get("format_version");
        if (!format.present()) {
            throw format.invalid("is required (1, 2 or 3)");
        }
        var details = new FormatDetails.PackManifest(
                format.node().isTextual() ? format.node().textValue() : format.node().toString(),
                header.get("name").text().orElse(name), uuid, minEngine, modules, scriptModules,
                top.get("capabilities").texts(), authors);
        return new ResourceDescriptor(name, ManifestFormat.PACK_MANIFEST, document.file(), ResourceType.PACK,
                details.isBehaviorPack() ? Language.BEDROCK : Language.NONE, version, String.join(", ", authors),
                header.get("description").text().orElse(""), main, List.of(), List.of(), List.of(),
                ManifestRules.dependencies(top.get("dependencies"), dependencies), Map.of(), ResourceLimits.NONE,
                details);
    }

    private static String uuid(ManifestNode field) {
        String text = field.requiredText();
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw field.invalid("'" + text + "' is not a uuid such as 3958f9a2-96e4-4db0-a907-145d065cd7f0");
        }
    }
}
