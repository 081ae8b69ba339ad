package dev.plinth.core.resource.internal.payload;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.ClientFiles;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestException;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ScriptFile;
import dev.plinth.core.resource.descriptor.Side;
import dev.plinth.core.resource.internal.deploy.FolderFiles;
import dev.plinth.core.resource.internal.manifest.Manifests;
import dev.plinth.core.resource.payload.ClientMod;
import dev.plinth.core.resource.payload.PayloadException;
import dev.plinth.core.resource.payload.PayloadFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.osgi.framework.VersionRange;

/**
 * Which files of a resource folder clients receive, by manifest format:
 * <ul>
 * <li>meta.json: the {@code client} and {@code shared} scripts, in their order, and every asset, each with its
 * {@code cache} / {@code noCache} flag;</li>
 * <li>resource.toml: {@code client-main}, its {@code client/} folder and the files its {@code client-files} patterns
 * match, as {@link ClientFiles} reads them;</li>
 * <li>a Staminal mod whose client manifest ({@code client/manifest.json}, else the root one) executes on the client:
 * every file but those of its {@code server/} folder;</li>
 * <li>a Bedrock resource pack: every file.</li>
 * </ul>
 * Server scripts never, hidden files (a name starting with {@code .}) and links never.
 *
 * @param files what clients receive, by path
 * @param scripts the scripts clients run, in order
 * @param mod the client side of a Staminal mod
 */
record PayloadPlan(Map<String, Planned> files, List<String> scripts, Optional<ClientMod> mod) {

    /** Nothing for clients. */
    static final PayloadPlan NONE = new PayloadPlan(Map.of(), List.of(), Optional.empty());

    /**
     * One planned file.
     *
     * @param cache whether clients may keep it
     * @param kind what it is to them
     */
    record Planned(boolean cache, PayloadFile.Kind kind) {}

    PayloadPlan {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        scripts = List.copyOf(scripts);
    }

    /**
     * Plans a resource's payload.
     *
     * @param descriptor the resource's descriptor
     * @param folder its folder
     * @return the plan
     * @throws PayloadException when a pattern or the mod's client manifest is invalid, or the folder unreadable
     */
    static PayloadPlan of(ResourceDescriptor descriptor, Path folder) {
        String name = descriptor.name();
        return switch (descriptor.details()) {
            case FormatDetails.MetaJson _ -> metaJson(descriptor);
            case FormatDetails.ResourceToml toml -> resourceToml(descriptor, toml, folder);
            case FormatDetails.ModManifest _ -> mod(name, folder);
            case FormatDetails.PackManifest _ when descriptor.language() == Language.NONE ->
                    everything(name, folder, "", Optional.empty(), List.of());
            default -> NONE;
        };
    }

    private static PayloadPlan metaJson(ResourceDescriptor descriptor) {
        var files = new LinkedHashMap<String, Planned>();
        var scripts = new ArrayList<String>();
        for (ScriptFile script : descriptor.scripts()) {
            if (script.side() != Side.SERVER && files.putIfAbsent(script.path(),
                    new Planned(script.cache(), PayloadFile.Kind.SCRIPT)) == null) {
                scripts.add(script.path());
            }
        }
        descriptor.assets().forEach(asset -> files.putIfAbsent(asset.path(),
                new Planned(asset.cache(), PayloadFile.Kind.ASSET)));
        return new PayloadPlan(files, scripts, Optional.empty());
    }

    private static PayloadPlan resourceToml(ResourceDescriptor descriptor, FormatDetails.ResourceToml toml,
            Path folder) {
        ClientFiles clientFiles;
        try {
            clientFiles = ClientFiles.of(descriptor);
        } catch (ManifestException e) {
            throw new PayloadException(ResourceErrorCode.ERR_INVALID_MANIFEST, descriptor.name(), e.detail());
        }
        var files = new LinkedHashMap<String, Planned>();
        toml.clientMain().ifPresent(main -> files.put(main, new Planned(true, PayloadFile.Kind.SCRIPT)));
        for (String path : walk(descriptor.name(), folder, "")) {
            if (clientFiles.contains(path)) {
                files.putIfAbsent(path, new Planned(true, PayloadFile.Kind.FILE));
            }
        }
        return new PayloadPlan(files, toml.clientMain().stream().toList(), Optional.empty());
    }

    private static PayloadPlan mod(String name, Path folder) {
        ResourceDescriptor client;
        try {
            client = Manifests.readClientMod(new FolderFiles(folder)).orElse(null);
        } catch (ManifestException e) {
            throw new PayloadException(ResourceErrorCode.ERR_INVALID_MANIFEST, name, e.detail());
        }
        if (client == null || !(client.details() instanceof FormatDetails.ModManifest details)
                || !details.executeOn().contains(Side.CLIENT)) {
            return NONE;
        }
        var requires = new LinkedHashMap<String, String>();
        client.dependencies().forEach(d -> requires.put(d.name(), rangeText(d.range())));
        var mod = new ClientMod(client.manifestPath(), details.displayName(), details.modType(), details.priority(),
                client.main(), requires);
        return everything(name, folder, "server/", Optional.of(mod), List.of());
    }

    private static PayloadPlan everything(String name, Path folder, String skipped, Optional<ClientMod> mod,
            List<String> scripts) {
        var files = new LinkedHashMap<String, Planned>();
        for (String path : walk(name, folder, skipped)) {
            files.put(path, new Planned(true, PayloadFile.Kind.FILE));
        }
        return new PayloadPlan(files, scripts, mod);
    }

    /** Staminal's own notation: {@code 1.0.0} exactly, {@code 1.0.0,2.0.0} from min to max. */
    private static String rangeText(VersionRange range) {
        if (range.getRight() == null) {
            return range.equals(Dependency.ANY) ? "0.0.0," : range.getLeft() + ",";
        }
        return range.getLeft().equals(range.getRight()) ? range.getLeft().toString()
                : range.getLeft() + "," + range.getRight();
    }

    /** The regular files below the folder (no links, no hidden names), relative with {@code /}, sorted. */
    static List<String> walk(String name, Path folder, String skipped) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !hidden(p) && (skipped.isEmpty() || !p.startsWith(skipped)))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new PayloadException(ResourceErrorCode.ERR_NOT_FOUND, name, name + ": its folder " + folder
                    + " cannot be read: " + e.getMessage());
        }
    }

    private static boolean hidden(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
