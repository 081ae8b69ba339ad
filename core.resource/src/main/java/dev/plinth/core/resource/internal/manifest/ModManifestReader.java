package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.descriptor.Side;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Staminal mod's {@code manifest.json}, the side-specific {@code server/manifest.json} when there is one: the mod
 * id is the folder name; {@code name} (display name), {@code version}, {@code description}, {@code entry_point}
 * (without it the mod is assets-only), {@code priority} (lower loads first, default 0), {@code type}
 * ({@code bootstrap} or {@code library}, default {@code library}), {@code requires} (mod ids, {@code @client},
 * {@code @server}, {@code @game} → {@code "1.0.0"} exactly or {@code "1.0.0,2.0.0"} from min to max) and
 * {@code execute_on} ({@code "server"}, {@code "client"} or both in an array; by default the side of the manifest
 * read, both for the root one).
 */
final class ModManifestReader implements ManifestReader {

    private final Side readingFor;

    /** A reader for the server: the entry point is the mod's server code. */
    ModManifestReader() {
        this(Side.SERVER);
    }

    /**
     * A reader for one side: the entry point is kept when the mod executes on that side.
     *
     * @param readingFor {@link Side#SERVER} or {@link Side#CLIENT}
     */
    ModManifestReader(Side readingFor) {
        this.readingFor = readingFor;
    }

    @Override
    public ResourceDescriptor read(ManifestDocument document, ResourceFiles files) {
        String name = ManifestRules.folderName(document, files.name());
        ManifestNode top = document.named(name).top();
        Optional<String> side = document.file().contains("/")
                ? Optional.of(document.file().substring(0, document.file().indexOf('/')))
                : Optional.empty();

        Set<Side> executeOn = executeOn(top.get("execute_on"), side);
        ManifestNode entryField = top.get("entry_point");
        Optional<String> main = Optional.empty();
        Language language = Language.NONE;
        if (entryField.present() && executeOn.contains(readingFor)) {
            String entry = entryPoint(entryField, side, files);
            language = ScriptLanguages.of(entry).orElseThrow(() -> entryField.invalid(
                    "'" + entry + "' is not a script Plinth runs: use .js, .lua or .wasm"));
            main = Optional.of(entry);
        }

        ManifestNode typeField = top.get("type");
        // Staminal compares the type case-insensitively ("Bootstrap" is a bootstrap mod).
        String modType = typeField.text().orElse("library").toLowerCase(java.util.Locale.ROOT);
        if (!modType.equals("bootstrap") && !modType.equals("library")) {
            throw typeField.invalid("unknown mod type '" + modType + "': use bootstrap or library");
        }

        var dependencies = new ArrayList<Dependency>();
        top.get("requires").fields().forEach((id, range) -> dependencies.add(dependency(id, range)));

        return new ResourceDescriptor(name, ManifestFormat.MOD_MANIFEST, document.file(), ResourceType.MOD,
                language, VersionSyntax.version(top.get("version")), "", top.get("description").text().orElse(""),
                main, List.of(), List.of(), List.of(),
                ManifestRules.dependencies(top.get("requires"), dependencies), Map.of(), ResourceLimits.NONE,
                new FormatDetails.ModManifest(top.get("name").text().orElse(name), top.get("priority").integer(0),
                        modType, executeOn, side));
    }

    private static Dependency dependency(String id, ManifestNode range) {
        var versions = VersionSyntax.range(range, true);
        return switch (id) {
            case "@server" -> new Dependency(Dependency.Kind.SERVER, id, versions);
            case "@game" -> new Dependency(Dependency.Kind.GAME, id, versions);
            case "@client" -> new Dependency(Dependency.Kind.CLIENT, id, versions);
            default -> Dependency.on(ManifestRules.name(range, id), versions);
        };
    }

    private static Set<Side> executeOn(ManifestNode field, Optional<String> manifestSide) {
        if (!field.present()) {
            return manifestSide.map(s -> s.equals("server") ? Set.of(Side.SERVER) : Set.of(Side.CLIENT))
                    .orElse(Set.of(Side.SERVER, Side.CLIENT));
        }
        List<ManifestNode> values = field.node().isArray() ? field.elements() : List.of(field);
        var sides = EnumSet.noneOf(Side.class);
        for (ManifestNode value : values) {
            switch (value.requiredText()) {
                case "server" -> sides.add(Side.SERVER);
                case "client" -> sides.add(Side.CLIENT);
                default -> throw value.invalid("unknown side '" + value.requiredText() + "': use server or client");
            }
        }
        return sides;
    }

    /** The entry point, relative to the mod folder, or to the side folder of a side-specific manifest. */
    private static String entryPoint(ManifestNode field, Optional<String> side, ResourceFiles files) {
        String entry = ManifestRules.path(field, files, false);
        if (files.exists(entry)) {
            return entry;
        }
        if (side.isPresent() && files.exists(side.get() + "/" + entry)) {
            return side.get() + "/" + entry;
        }
        throw field.invalid("'" + entry + "' does not exist in " + files.name() + "/"
                + side.map(s -> " nor in " + files.name() + "/" + s + "/").orElse(""));
    }
}
