package dev.plinth.bedrock.packs.internal.testing;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.packs.internal.definition.Definition;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.world.DefinitionLookup;
import dev.plinth.bedrock.packs.internal.load.LoadedPack;
import dev.plinth.bedrock.packs.internal.load.PackFiles;
import dev.plinth.bedrock.packs.internal.load.PackLoader;
import dev.plinth.bedrock.packs.internal.molang.PackQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Writes a pack's files into a folder and loads it, as the host does, for the unit tests of pack content. */
public final class TestPack {

    /** The Molang runtime the test packs compile in. */
    public static final Molang MOLANG = Molang.builder().withQueries(PackQueries.create()).build();

    private TestPack() {}

    /**
     * Writes and loads a pack.
     *
     * @param folder where its files go
     * @param files each file's path in the pack and its content
     * @return the loaded pack
     */
    public static LoadedPack load(Path folder, Map<String, String> files) {
        try {
            for (var file : files.entrySet()) {
                Path path = folder.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return PackLoader.load("test-pack", PackFiles.of(folder), MOLANG.scope("test-pack", MOLANG.queries()),
                    PackLoader.Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The definitions of one loaded pack, as the started packs' would be looked up.
     *
     * @param pack the pack
     * @return the lookup
     */
    public static DefinitionLookup lookup(LoadedPack pack) {
        return new DefinitionLookup() {
            @Override
            public <D extends Definition> Optional<D> find(String asking, DefinitionKind kind, String id,
                    Class<D> type) {
                return pack.find(kind, id, type);
            }
        };
    }
}
