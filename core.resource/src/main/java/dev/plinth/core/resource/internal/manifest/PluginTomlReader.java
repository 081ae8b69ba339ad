package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * {@code plugin.toml}: {@code [plugin] name version author description main}, {@code [dependencies]}
 * ({@code other_plugin = ">=1.0.0"}), {@code [permissions]} ({@code player = true}) and {@code [resources]}
 * ({@code max_memory_mb}, {@code max_fuel_per_tick}). The language follows {@code main}'s extension; without
 * {@code main} the plugin is assets-only.
 */
final class PluginTomlReader implements ManifestReader {

    @Override
    public ResourceDescriptor read(ManifestDocument document, ResourceFiles files) {
        ManifestNode plugin = document.top().get("plugin");
        if (!plugin.present()) {
            throw plugin.invalid("the [plugin] table is required");
        }
        plugin.fields(); // must be a table
        String name = ManifestRules.name(plugin.get("name"), plugin.get("name").requiredText());
        ManifestNode top = document.named(name).top();
        plugin = top.get("plugin");

        ManifestNode mainField = plugin.get("main");
        Optional<String> main = mainField.present() ? Optional.of(ManifestRules.path(mainField, files, true))
                : Optional.empty();
        Language language = main.map(path -> languageOf(mainField, path)).orElse(Language.NONE);

        var dependencies = new ArrayList<Dependency>();
        top.get("dependencies").fields().forEach((dep, range) -> dependencies.add(
                Dependency.on(ManifestRules.name(range, dep), VersionSyntax.range(range, false))));

        var permissions = new LinkedHashMap<String, Boolean>();
        top.get("permissions").fields().forEach((permission, value) -> permissions.put(permission, value.bool(false)));

        ManifestNode resources = top.get("resources");
        resources.fields();
        var limits = new ResourceLimits(resources.get("max_memory_mb").wholeNumber(),
                resources.get("max_fuel_per_tick").wholeNumber());

        return new ResourceDescriptor(name, ManifestFormat.PLUGIN_TOML, document.file(), ResourceType.PLUGIN,
                language, VersionSyntax.version(plugin.get("version")), plugin.get("author").text().orElse(""),
                plugin.get("description").text().orElse(""), main, List.of(), List.of(), List.of(),
                ManifestRules.dependencies(top.get("dependencies"), dependencies), permissions, limits,
                new FormatDetails.PluginToml(top.get("permissions").present()));
    }

    private static Language languageOf(ManifestNode field, String path) {
        return ScriptLanguages.of(path).orElseThrow(() -> field.invalid(
                "'" + path + "' is not a script Plinth runs: main is a .lua, .js or .wasm file"));
    }
}
