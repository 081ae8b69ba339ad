package dev.plinth.core.resource.internal.reload;

import dev.plinth.core.resource.descriptor.AssetFile;
import dev.plinth.core.resource.descriptor.ClientFiles;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ScriptFile;
import dev.plinth.core.resource.descriptor.Side;
import dev.plinth.core.resource.reload.LoadedFiles;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which files of a resource its server runs: its manifest and server scripts, and everything but what it gives to
 * clients ({@link ClientFiles}: its {@code client/} folder, alt:V's {@code client-main} and {@code client-files}
 * patterns; MTADM's client scripts) and the assets it declares (data it ships, never executes), but for the files its
 * server side has {@linkplain LoadedFiles loaded}, which are the server's whatever the manifest says (alt:V's shared
 * code under {@code client-files = ["shared/*"]}, imported by the server's {@code main}). A change to client files
 * and assets alone does not restart the resource; any other change does (the manifest, the server scripts, the modules
 * they load, a jar).
 *
 * <p>Immutable and thread-safe.
 */
public final class ServerFiles {

    private final Set<String> served;
    private final Set<String> clientOrAssets;
    private final ClientFiles clientFiles;

    private ServerFiles(Set<String> served, Set<String> clientOrAssets, ClientFiles clientFiles) {
        this.served = served;
        this.clientOrAssets = clientOrAssets;
        this.clientFiles = clientFiles;
    }

    /**
     * The server files of a resource as its manifest declares them. A client file pattern that is not a file pattern
     * takes nothing here: the files it meant restart the resource.
     *
     * @param descriptor the manifest, read
     * @return the classification
     */
    public static ServerFiles of(ResourceDescriptor descriptor) {
        return of(descriptor, Set.of());
    }

    /**
     * The server files of a resource as its manifest declares them and as its running version loaded them: a file its
     * server side loaded is the server's even when a client pattern takes it.
     *
     * @param descriptor the manifest, read
     * @param loaded the files its server side loaded ({@link LoadedFiles#loadedBy})
     * @return the classification
     */
    public static ServerFiles of(ResourceDescriptor descriptor, Set<String> loaded) {
        var exact = descriptor.scripts().stream().filter(s -> s.side() == Side.CLIENT).map(ScriptFile::path)
                .collect(Collectors.toCollection(HashSet::new));
        descriptor.assets().stream().map(AssetFile::path).forEach(exact::add);
        var served = new HashSet<>(descriptor.serverScripts());
        served.add(descriptor.manifestPath());
        served.addAll(loaded);
        return new ServerFiles(Set.copyOf(served), Set.copyOf(exact), ClientFiles.ofValidPatterns(descriptor));
    }

    /**
     * Whether the server runs (or may read) a file: its manifest, its server scripts and the files it loaded, and
     * everything but client files ({@link ClientFiles}) and declared assets.
     *
     * @param path a path relative to the resource, with {@code /}
     * @return {@code false} for a client file or an asset
     */
    public boolean serves(String path) {
        return served.contains(path) || !clientOrAssets.contains(path) && !clientFiles.contains(path);
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
