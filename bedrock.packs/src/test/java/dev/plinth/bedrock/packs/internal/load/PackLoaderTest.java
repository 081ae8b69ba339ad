package dev.plinth.bedrock.packs.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangErrorCode;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.EntityDefinition;
import dev.plinth.bedrock.packs.internal.definition.PackMolangException;
import dev.plinth.bedrock.packs.internal.testing.TestPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malformed file is skipped and reported with the pack, the file, the line and the JSON path of the problem (bad
 * JSON, bad Molang, a wrong type, a file that leaves the pack); the rest of the pack loads.
 */
class PackLoaderTest {

    @TempDir
    Path dir;

    private static final String GUARD = """
            {
              // Bedrock's files have comments
              "format_version": "1.21.0",
              "minecraft:entity": {
                "description": {"identifier": "custom:guard", "is_spawnable": true, "is_summonable": true},
                "components": {"minecraft:health": {"value": 20, "max": 20}}
              }
            }
            """;

    @Test
    void molangThatFailsWhenEvaluatedNamesThePackTheFileTheLineAndTheJsonPath() {
        try (LoadedPack loaded = TestPack.load(dir.resolve("spin-pack"), Map.of("entities/spin.json", """
                {
                  "format_version": "1.21.0",
                  "minecraft:entity": {
                    "description": {
                      "identifier": "custom:spin",
                      "scripts": {
                        "initialize": ["loop(1024, { loop(1024, { t.x = t.x + 1; }); });"]
                      }
                    },
                    "components": {}
                  }
                }
                """))) {
            MolangExpression initialize = loaded.find(DefinitionKind.ENTITY, "custom:spin", EntityDefinition.class)
                    .orElseThrow().scripts().initialize().orElseThrow();
            MolangContext context = TestPack.MOLANG.newContext(new Object(), TestPack.MOLANG.newVariables());
            PackMolangException e = assertThrows(PackMolangException.class, () -> initialize.evaluate(context));
            assertEquals(MolangErrorCode.ITERATION_LIMIT, e.getCause().code());
            assertEquals("test-pack: entities/spin.json:7 at /minecraft:entity/description/scripts/initialize: "
                    + e.getCause().getMessage(), e.getMessage());
        }
    }

    @Test
    void aFileTheLoaderSkipsIsPartOfTheDigestNotAFailureOfIt() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("big-pack/entities"));
        Files.writeString(pack.resolve("guard.json"), GUARD);
        String before = PackLoader.digest(PackFiles.of(pack.getParent()));
        Files.write(pack.resolve("huge.json"), new byte[PackLoader.MAX_FILE_BYTES + 1]);
        String withHuge = PackLoader.digest(PackFiles.of(pack.getParent()));
        assertNotEquals(before, withHuge);
        assertEquals(withHuge, PackLoader.digest(PackFiles.of(pack.getParent())));
        try (LoadedPack loaded = PackLoader.load("big-pack", PackFiles.of(pack.getParent()),
                TestPack.MOLANG.scope("big-pack", TestPack.MOLANG.queries()), PackLoader.Progress.NONE)) {
            assertEquals(Map.of(DefinitionKind.ENTITY, 1), loaded.counts());
            assertEquals(List.of("big-pack: entities/huge.json: cannot be read: entities/huge.json is larger than "
                    + PackLoader.MAX_FILE_BYTES + " bytes"), loaded.failures().stream().map(FileFailure::toString)
                    .toList());
        }
    }

    @Test
    void eachMalformedFileIsReportedWithPackFileLineAndJsonPathAndTheRestLoads() throws IOException {
        Path pack = dir.resolve("pack");
        Files.createDirectories(dir.resolve("pack/items"));
        Files.writeString(dir.resolve("secret.json"), "{}");
        Files.createSymbolicLink(dir.resolve("pack/items/stolen.json"), dir.resolve("secret.json"));
        try (LoadedPack loaded = TestPack.load(pack, Map.of(
                "entities/guard.json", GUARD,
                "entities/broken.json", """
                        {
                          "format_version": "1.21.0",
                          "minecraft:entity": {
                            "description": {"identifier": "custom:broken"
                            "components": {}
                          }
                        }
                        """,
                "entities/bad_molang.json", """
                        {
                          "format_version": "1.21.0",
                          "minecraft:entity": {
                            "description": {"identifier": "custom:bad"},
                            "components": {
                              "minecraft:health": {
                                "value": "math.sin(q.life_time * 360"
                              }
                            }
                          }
                        }
                        """,
                "loot_tables/wrong_type.json", """
                        {
                          "pools": [
                            {"rolls": 1, "entries": "not a list"}
                          ]
                        }
                        """))) {
            assertEquals(Map.of(DefinitionKind.ENTITY, 1), loaded.counts());
            assertEquals(List.of(
                    "test-pack: entities/bad_molang.json:7 at /minecraft:entity/components/minecraft:health/value: "
                            + "molang: 1:27: expected ')' in \"math.sin(q.life_time * 360\"",
                    "test-pack: entities/broken.json:5 at /minecraft:entity/description/identifier: not valid JSON: "
                            + "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
                    "test-pack: items/stolen.json: cannot be read: pack: 'items/stolen.json' leaves pack through a "
                            + "symbolic link; a resource reaches only its own files",
                    // a single entry may stand without its list, as Bedrock reads it: this one has no name
                    "test-pack: loot_tables/wrong_type.json:3 at /pools/0/entries/name: is required (a string)"),
                    loaded.failures().stream().map(FileFailure::toString).toList());
        }
    }

    @Test
    void aMismatchedBracketIsReportedByItsLinesNotByJacksonsSource() {
        try (LoadedPack loaded = TestPack.load(dir.resolve("pack"), Map.of("entities/guard.json", GUARD,
                "entities/bracket.json", """
                        {
                          "format_version": "1.21.0",
                          "minecraft:entity": {
                            "description": {"identifier": "custom:bracket"]
                          }
                        }
                        """))) {
            assertEquals(List.of("test-pack: entities/bracket.json:4 at /minecraft:entity/description/identifier: "
                    + "not valid JSON: Unexpected close marker ']': expected '}' (for Object starting at line 4)"),
                    loaded.failures().stream().map(FileFailure::toString).toList());
        }
    }

    @Test
    void theDefinitionFilesAreCountedWithoutReadingThem() throws IOException {
        Path pack = dir.resolve("count-pack");
        Files.createDirectories(pack.resolve("items/tools"));
        Files.createDirectories(pack.resolve("functions"));
        Files.createDirectories(pack.resolve("textures"));
        Files.writeString(pack.resolve("manifest.json"), "{}");
        Files.writeString(pack.resolve("items/ruby.json"), "not even JSON: counting reads no file");
        Files.writeString(pack.resolve("items/tools/axe.json"), "{}");
        Files.writeString(pack.resolve("items/notes.txt"), "not a definition");
        Files.writeString(pack.resolve("functions/start.mcfunction"), "say hi");
        Files.writeString(pack.resolve("textures/ruby.json"), "{}");

        assertEquals(3, PackLoader.definitionFiles(PackFiles.of(pack)),
                "two items (a subfolder too) and a function; the manifest, a .txt and textures are no definitions");
    }
}
