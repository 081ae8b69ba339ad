package dev.plinth.bedrock.packs.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.testsupport.Corpus;
import dev.plinth.testsupport.RequiresCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every behavior pack of the shared corpus (Microsoft's public add-on samples) loads with no file skipped, and the
 * definitions of each kind are all there.
 */
@RequiresCorpus("bedrock-samples")
class CorpusPacksTest {

    @Test
    void everyBehaviorPackLoadsWithoutSkippingAFile() throws IOException {
        Molang molang = Molang.builder().build();
        var failures = new ArrayList<FileFailure>();
        var counts = new EnumMap<DefinitionKind, Integer>(DefinitionKind.class);
        List<Path> packs = BehaviorPacks.below(Corpus.path("bedrock-samples"));
        for (Path pack : packs) {
            try (LoadedPack loaded = PackLoader.load(pack.getFileName().toString(), PackFiles.of(pack),
                    molang.scope(pack.toString(), MolangQueries.none()), PackLoader.Progress.NONE)) {
                failures.addAll(loaded.failures());
                loaded.counts().forEach((kind, n) -> counts.merge(kind, n, Integer::sum));
            }
        }
        System.out.printf("behavior pack corpus: %d packs loaded, %d files skipped, definitions %s%n", packs.size(),
                failures.size(), counts);
        assertEquals(List.of(), failures.stream().map(FileFailure::toString).toList());
        assertEquals(37, packs.size());
        assertEquals(Map.of(DefinitionKind.ENTITY, 54, DefinitionKind.ITEM, 41, DefinitionKind.BLOCK, 35,
                DefinitionKind.RECIPE, 15, DefinitionKind.LOOT_TABLE, 25, DefinitionKind.SPAWN_RULE, 12,
                DefinitionKind.FEATURE, 54, DefinitionKind.FEATURE_RULE, 28, DefinitionKind.ANIMATION_CONTROLLER, 3,
                DefinitionKind.ANIMATION, 7), counts);
    }
}
