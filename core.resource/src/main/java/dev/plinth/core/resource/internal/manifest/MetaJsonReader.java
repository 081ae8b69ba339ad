package dev.plinth.core.resource.internal.manifest;

import dev.plinth.core.resource.descriptor.AssetFile;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.descriptor.ScriptFile;
import dev.plinth.core.resource.descriptor.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.VersionRange;

/**
 * MTADM {@code meta.json}: {@code name} (required), {@code resourceType} ({@code script}, {@code gamemode},
 * {@code map}; unknown or missing becomes {@code script}), {@code author}, {@code version}, {@code description},
 * {@code minClientVersion}, {@code minServerVersion} (a dependency on the server), {@code dependencies} (names),
 * {@code scripts[]} ({@code path type cache noCache}, type {@code client}, {@code server} or {@code shared}) and
 * {@code assets[]} ({@code path type cache noCache}). The language follows the server and shared scripts.
 */
final class MetaJsonReader implements ManifestReader {

    @Override
    public ResourceDescriptor read(ManifestDocument document, ResourceFiles files) {
        ManifestNode nameField = document.top().get("name");
        String name = ManifestRules.name(nameField, nameField.requiredText());
        ManifestNode top = document.named(name).top();

        ResourceType type = switch (top.get("resourceType").text().orElse("script").toLowerCase(Locale.ROOT)) {
            case "gamemode" -> ResourceType.GAMEMODE;
            case "map" -> ResourceType.MAP;
            default -> ResourceType.SCRIPT;
        };

        var scripts = new ArrayList<ScriptFile>();
        Language language = Language.NONE;
        ManifestNode languageField = null;
        for (ManifestNode entry : top.get("scripts").elements()) {
            ManifestNode typeField = entry.get("type");
            Side side = switch (typeField.requiredText()) {
                case "client" -> Side.CLIENT;
                case "server" -> Side.SERVER;
                case "shared" -> Side.SHARED;
                default -> throw typeField.invalid("unknown script type '" + typeField.requiredText()
                        + "': use client, server or shared");
            };
            String path = ManifestRules.path(entry.get("path"), files, side.runsOnServer());
            scripts.add(new ScriptFile(path, side, cache(entry)));
            if (side.runsOnServer()) {
                Language scriptLanguage = ScriptLanguages.of(path).orElseThrow(() -> entry.get("path").invalid(
                        "'" + path + "' is not a script Plinth runs on the server: use .lua, .js or .wasm"));
                if (languageField != null && scriptLanguage != language) {
                    throw entry.get("path").invalid("'" + path + "' is " + scriptLanguage.id() + " but "
                            + languageField.text().orElse("") + " is " + language.id()
                            + ": the server scripts of one resource share one language");
                }
                language = scriptLanguage;
                languageField = entry.get("path");
            }
        }

        var assets = new ArrayList<AssetFile>();
        for (ManifestNode entry : top.get("assets").elements()) {
            assets.add(new AssetFile(ManifestRules.path(entry.get("path"), files, false),
                    entry.get("type").requiredText(), cache(entry)));
        }

        var dependencies = new ArrayList<Dependency>();
        for (ManifestNode dep : top.get("dependencies").elements()) {
            dependencies.add(Dependency.on(ManifestRules.name(dep, dep.requiredText()), Dependency.ANY));
        }
        Optional<String> minServer = top.get("minServerVersion").text();
        if (minServer.isPresent()) {
            var min = VersionSyntax.version(top.get("minServerVersion"));
            dependencies.add(new Dependency(Dependency.Kind.SERVER, "@server", new VersionRange(min.toString())));
        }
        Optional<String> minClient = top.get("minClientVersion").text();
        if (minClient.isPresent()) {
            var min = VersionSyntax.version(top.get("minClientVersion"));
            dependencies.add(new Dependency(Dependency.Kind.CLIENT, "@client", new VersionRange(min.toString())));
        }

        return new ResourceDescriptor(name, ManifestFormat.META_JSON, document.file(), type, language,
                VersionSyntax.version(top.get("version")), top.get("author").text().orElse(""),
                top.get("description").text().orElse(""), Optional.empty(), scripts, assets, List.of(),
                ManifestRules.dependencies(top.get("dependencies"), dependencies), Map.of(), ResourceLimits.NONE,
                new FormatDetails.MetaJson(minClient, minServer));
    }

    /** Cached unless {@code cache: false} or {@code noCache: true}. */
    private static boolean cache(ManifestNode entry) {
        return entry.get("cache").bool(true) && !entry.get("noCache").bool(false);
    }
}
