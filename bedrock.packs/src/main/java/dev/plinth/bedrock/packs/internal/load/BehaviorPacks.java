package dev.plinth.bedrock.packs.internal.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the behavior packs in a folder tree (a collection of add-ons such as the shared corpus): the folders whose
 * {@code manifest.json} has a {@code data} or {@code script} module. For tests and benchmarks; the server deploys
 * packs through core.resource.
 */
public final class BehaviorPacks {

    private static final Pattern BEHAVIOR_MODULE = Pattern.compile("\"type\"\\s*:\\s*\"(data|script)\"");

    private BehaviorPacks() {}

    /**
     * The behavior packs below a folder.
     *
     * @param root the folder
     * @return the packs' folders, sorted
     * @throws IOException when the tree cannot be walked
     */
    public static List<Path> below(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals("manifest.json"))
                    .filter(BehaviorPacks::isBehaviorPack)
                    .map(Path::getParent)
                    .sorted()
                    .toList();
        }
    }

    private static boolean isBehaviorPack(Path manifest) {
        try {
            return BEHAVIOR_MODULE.matcher(Files.readString(manifest, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
