package dev.plinth.core.resource.internal.reload;

import dev.plinth.core.resource.descriptor.AssetFile;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ScriptFile;
import dev.plinth.core.resource.descriptor.Side;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which files of a resource its server runs: everything but what its manifest gives to clients (alt:V's
 * {@code client-main} and {@code client-files} patterns, MTADM's client scripts, a Staminal mod's {@code client/}
 * side) and the assets it declares (data it ships, never executes). A change to those files alone does not restart
 * the resource; any other change does (the manifest, the server scripts, the modules they load, a jar).
 *
 * <p>Immutable and thread-safe.
 */
public final class ServerFiles {

    private final Set<String> clientOrAssets;
    private final List<PathMatcher> clientPatterns;
    private final List<String> clientFolders;

    private ServerFiles(Set<String> clientOrAssets, List<PathMatcher> clientPatterns, List<String> clientFolders) {
        this.clientOrAssets = clientOrAssets;
        this.clientPatterns = clientPatterns;
        this.clientFolders = clientFolders;
    }

    /**
     * The server files of a resource as its manifest declares them.
     *
     * @param descriptor the manifest, read
     * @return the classification
     */
    public static ServerFiles of(ResourceDescriptor descriptor) {
        var exact = descriptor.scripts().stream().filter(s -> s.side() == Side.CLIENT).map(ScriptFile::path)
                .collect(Collectors.toCollection(HashSet::new));
        descriptor.assets().stream().map(AssetFile::path).forEach(exact::add);
        var patterns = new ArrayList<PathMatcher>();
        var folders = new ArrayList<String>();
        for (String client : descriptor.clientFiles()) {
            if (client.contains("*") || client.contains("?") || client.contains("{") || client.contains("[")) {
                patterns.add(FileSystems.getDefault().getPathMatcher("glob:" + client));
                if (client.endsWith("/*")) { // alt:V: "client/*" is everything in client/, at any depth
                    folders.add(client.substring(0, client.length() - 1));
                }
            } else {
                exact.add(client);
            }
        }
        if (descriptor.format() == ManifestFormat.MOD_MANIFEST && !descriptor.manifestPath().startsWith("client/")) {
            folders.add("client/"); // a Staminal mod's client side
        }
        exact.remove(descriptor.manifestPath());
        descriptor.serverScripts().forEach(exact::remove);
        return new ServerFiles(Set.copyOf(exact), List.copyOf(patterns), List.copyOf(folders));
    }

    /**
     * Whether the server runs (or may read) a file: everything but client files and declared assets.
     *
     * @param path a path relative to the resource, with {@code /}
     * @return {@code false} for a client file or an asset
     */
    public boolean serves(String path) {
        if (clientOrAssets.contains(path)) {
            return false;
        }
        for (String folder : clientFolders) {
            if (path.startsWith(folder)) {
                return false;
            }
        }
        Path asPath = Path.of(path);
        return clientPatterns.stream().noneMatch(pattern -> pattern.matches(asPath));
    }

    /**
     * The changed paths the server runs.
     *
     * @param changed paths relative to the resource
     * @return those it {@linkplain #serves serves}, in order
     */
    public List<String> served(Collection<String> changed) {
        return changed.stream().filter(this::serves).toList();
    }
}
