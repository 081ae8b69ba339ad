package dev.plinth.bedrock.packs.internal.host;

import dev.plinth.core.resource.descriptor.FormatDetails.PackManifest;
import dev.plinth.core.resource.descriptor.FormatDetails.PackModule;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A behavior pack's modules as its manifest lists them, described for {@code pack:list} and {@code pack:info}. A
 * {@code data} module is what this host reads; a {@code script} module is named with its entry and the Script API
 * modules it asks for (the host runs its entry with {@code @minecraft/server}). Immutable.
 *
 * @param modules the manifest's modules, in its order
 * @param scriptApi the Script API modules the pack depends on, with their versions
 */
public record PackModules(List<PackModule> modules, Map<String, String> scriptApi) {

    /** Copies the collections, the Script API modules sorted. */
    public PackModules {
        modules = List.copyOf(modules);
        scriptApi = Collections.unmodifiableMap(new TreeMap<>(scriptApi));
    }

    /**
     * The modules of a pack's manifest.
     *
     * @param descriptor the pack's descriptor, if the resource manager knows it
     * @return its modules, none when it is not a Bedrock manifest
     */
    public static PackModules of(Optional<ResourceDescriptor> descriptor) {
        return descriptor.map(ResourceDescriptor::details)
                .filter(PackManifest.class::isInstance).map(PackManifest.class::cast)
                .map(manifest -> new PackModules(manifest.modules(), manifest.scriptModules()))
                .orElse(new PackModules(List.of(), Map.of()));
    }

    /** {@return the module types, comma-separated ({@code data, script}), or {@code no modules}} */
    public String types() {
        return modules.isEmpty() ? "no modules" : modules.stream().map(PackModule::type).distinct()
                .collect(Collectors.joining(", "));
    }

    /** {@return one line per module: type, version and, for a script module, its entry and the API it asks for} */
    public List<String> describe() {
        var lines = new ArrayList<String>();
        for (PackModule module : modules) {
            lines.add(module.type() + " " + module.version() + (isScript(module) ? ": " + script(module) : ""));
        }
        return lines;
    }

    /** {@return the entry of the pack's (first) JavaScript script module, if it has one} */
    public Optional<String> scriptEntry() {
        return modules.stream().filter(PackModules::isScript)
                .filter(m -> m.language().orElse("javascript").equalsIgnoreCase("javascript"))
                .flatMap(m -> m.entry().stream()).findFirst();
    }

    private static boolean isScript(PackModule module) {
        return module.type().equals("script");
    }

    private String script(PackModule module) {
        String api = scriptApi.isEmpty() ? "" : "; " + scriptApi.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return module.entry().orElse("(no entry)") + " (" + module.language().orElse("javascript") + api + ")";
    }
}
