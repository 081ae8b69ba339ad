package dev.plinth.bedrock.packs.internal.host;

import dev.plinth.bedrock.packs.internal.load.PackFiles;
import dev.plinth.bedrock.packs.internal.load.PackLoader;
import dev.plinth.core.runtime.host.HostPreparation;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;

/**
 * The pack host's part in a start ({@link HostPreparation}): a pack's files are read on the host's loader thread from
 * the moment its bundle is installed, and the preparation waits for that read off the game thread, so that the start
 * (on the game thread) finds the pack read. A large pack (more than {@link #LARGE_PACK_FILES} definition files, such
 * as Mojang's vanilla pack with its thousands) is long work: at boot, a startup pack that large starts once the shell
 * is ready, {@code starting} meanwhile, with the read's progress in the console.
 *
 * <p>Thread-safe: called on the threads that start resources, never on the game thread's tick.
 */
final class PackStartPreparation implements HostPreparation {

    /** The definition files above which reading a pack is long work. */
    static final int LARGE_PACK_FILES = 500;

    private final Predicate<Bundle> serves;
    private final Consumer<Bundle> awaitRead;

    /**
     * Creates the preparation.
     *
     * @param serves whether a bundle is a pack this host runs
     * @param awaitRead waits until a pack bundle's files are read (or their read failed: its start reports that)
     */
    PackStartPreparation(Predicate<Bundle> serves, Consumer<Bundle> awaitRead) {
        this.serves = serves;
        this.awaitRead = awaitRead;
    }

    @Override
    public void prepare(Bundle resource) {
        if (serves.test(resource)) {
            awaitRead.accept(resource);
        }
    }

    @Override
    public Optional<String> longWork(Bundle resource) {
        if (!serves.test(resource)) {
            return Optional.empty();
        }
        int files;
        try {
            files = PackLoader.definitionFiles(PackFiles.of(resource));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // its start says why it cannot be read
        }
        return files > LARGE_PACK_FILES
                ? Optional.of("reading " + files + " definition files of the behavior pack")
                : Optional.empty();
    }
}
