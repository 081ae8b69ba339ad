package dev.plinth.bedrock.packs.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.molang.PackQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mojang's full vanilla behavior pack loads with no file skipped. It cannot be committed, so the test runs only when
 * the system property {@value #PROPERTY} names its folder (the {@code behavior_pack} folder of
 * github.com/Mojang/bedrock-samples): {@code ./plinthw -pl bedrock.packs test -Dtest=VanillaPackTest
 * -Dplinth.vanilla.pack=/path/to/behavior_pack}.
 */
class VanillaPackTest {

    static final String PROPERTY = "plinth.vanilla.pack";

    @Test
    void theVanillaBehaviorPackLoadsWithoutSkippingAFile() throws IOException {
        String folder = System.getProperty(PROPERTY, "");
        assumeTrue(!folder.isBlank(), "Mojang's vanilla behavior pack is not committed: set -D" + PROPERTY
                + "=<bedrock-samples>/behavior_pack to load it");
        Path pack = Path.of(folder);
        assertTrue(Files.isRegularFile(pack.resolve("manifest.json")), pack + " holds a behavior pack");
        Molang molang = Molang.builder().withQueries(PackQueries.create()).build();
        try (LoadedPack loaded = PackLoader.load("vanilla", PackFiles.of(pack), molang.scope("vanilla",
                molang.queries()), PackLoader.Progress.NONE)) {
            assertEquals(List.of(), loaded.failures().stream().map(FileFailure::toString).toList());
            System.out.println("vanilla: " + loaded.files() + " files in " + loaded.millis() + " ms: "
                    + loaded.counts() + "; kept, not simulated: " + loaded.kept().size() + " kinds; folders not read: "
                    + loaded.otherFolders());
            assertTrue(loaded.counts().getOrDefault(DefinitionKind.ENTITY, 0) > 100, loaded.counts().toString());
        }
    }
}
