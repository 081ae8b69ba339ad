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
import java.util.Map;
import java.util.Optional;

/**
 * {@code plugin.toml}: {@code [plugin] name version author description main}, {@code [dependencies]}
 * ({@code other_plugin = ">=1.0.0"}), {@code [permissions]} ({@code player = true}) and {@code [resources]}
 * ({@code max_memory_mb}, {@code max_fuel_per_tick}). The language follows {@code main}'s extension; without
 * {@code main} the plugin is assets-only. WebAssembly plugins as the released MC-RS writes them name their module
 * {@code wasm_file} instead of {@code main} and may have {@code [limits]} ({@code fuel_per_event},
 * {@code fuel_per_command}, {@code fuel_per_task}, {@code fuel_on_enable}, {@code max_memory_pages}); any
 * WebAssembly plugin may name its ABI ({@code abi = "extism"}, {@code "mcrs"} or {@code "env"}).
 */
final class PluginTomlReader implements ManifestReader {

    /** The keys of the released MC-RS's {@code [limits]}. */
    static final List<String> LIMITS = List.of("fuel_per_event", "fuel_per_command", "fuel_per_task",
            "fuel_on_enable", "max_memory_pages");
    /** The ABIs of WebAssembly plugins. */
    static final List<String> ABIS = List.of("env", "mcrs", "extism");
    /** The tables a plugin.toml has. */
    private static final List<String> TABLES = List.of("plugin", "dependencies", "permissions", "resources", "limits");
    /** The keys of {@code [plugin]}. */
    private static final List<String> PLUGIN = List.of("name", "version", "author", "description", "main",
            "wasm_file", "abi");
    /** The keys of {@code [resources]}. */
    private static final List<String> RESOURCES = List.of("max_memory_mb", "max_fuel_per_tick");

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

        ManifestNode wasmFile = plugin.get("wasm_file");
        if (wasmFile.present() && plugin.get("main").present()) {
            throw wasmFile.invalid("names the module a second time: give main or wasm_file, not both");
        }
        ManifestNode mainField = wasmFile.present() ? wasmFile : plugin.get("main");
        Optional<String> main = mainField.present() ? Optional.of(ManifestRules.path(mainField, files, true))
                : Optional.empty();
        Language language = main.map(path -> languageOf(mainField, path)).orElse(Language.NONE);
        if (wasmFile.present() && language != Language.WASM) {
            throw wasmFile.invalid("'" + main.orElseThrow() + "' is not a WebAssembly module (.wasm or .wat)");
        }
        FormatDetails.PluginToml details = details(plugin, top, wasmFile.present(), language);

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
                ManifestRules.dependencies(top.get("dependencies"), dependencies), permissions, limits, details);
    }

    @Override
    public List<String> unread(ManifestDocument document) {
        ManifestNode top = document.top();
        var tables = new LinkedHashMap<String, String>();
        TABLES.forEach(table -> tables.put(table, "the [" + table + "] table"));
        var warnings = new ArrayList<>(UnknownKeys.in(top, TABLES, Map.of()));
        warnings.addAll(UnknownKeys.in(top.get("plugin"), PLUGIN, tables));
        warnings.addAll(UnknownKeys.in(top.get("resources"), RESOURCES, Map.of()));
        return warnings;
    }

    private static FormatDetails.PluginToml details(ManifestNode plugin, ManifestNode top, boolean wasmFile,
            Language language) {
        boolean permissionsSection = top.get("permissions").present();
        ManifestNode abiField = plugin.get("abi");
        Optional<String> abi = abiField.text();
        if (abi.isPresent() && !ABIS.contains(abi.get())) {
            throw abiField.invalid("'" + abi.get() + "' is not an ABI Plinth knows: " + String.join(", ", ABIS));
        }
        ManifestNode limitsField = top.get("limits");
        var limits = new LinkedHashMap<String, Long>();
        limitsField.fields().forEach((key, value) -> {
            if (!LIMITS.contains(key)) {
                throw value.invalid("is not a limit Plinth knows: " + String.join(", ", LIMITS));
            }
            long number = value.wholeNumber().orElseThrow();
            if (number <= 0) {
                throw value.invalid("must be at least 1, not " + number);
            }
            limits.put(key, number);
        });
        if (language != Language.WASM && (abi.isPresent() || !limits.isEmpty())) {
            throw (abi.isPresent() ? abiField : limitsField).invalid(
                    "applies to WebAssembly plugins only, and main is not a .wasm or .wat file");
        }
        if (!wasmFile && abi.isEmpty() && limits.isEmpty()) {
            return new FormatDetails.PluginToml(permissionsSection);
        }
        return new FormatDetails.PluginToml(permissionsSection, wasmFile, abi, limits);
    }

    private static Language languageOf(ManifestNode field, String path) {
        return ScriptLanguages.of(path).orElseThrow(() -> field.invalid(
                "'" + path + "' is not a script Plinth runs: main is a .lua, .js, .wasm or .wat file"));
    }
}
