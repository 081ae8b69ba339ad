package dev.plinth.core.resource.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.deploy.FolderFiles;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import dev.plinth.core.resource.internal.manifest.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config asset a map editor or a server owner got wrong is refused naming the resource, the file and the line. */
class ConfigAssetsTest {

    @TempDir
    Path resources;

    private Deployment deploy(String name, String asset, String content) throws IOException {
        Path folder = Files.createDirectories(resources.resolve(name));
        Files.writeString(folder.resolve("meta.json"), "{\"name\": \"" + name + "\", \"resourceType\": \"map\", "
                + "\"assets\": [{\"path\": \"" + asset + "\", \"type\": \"config\"}]}");
        Files.createDirectories(folder.resolve(asset).getParent());
        Files.writeString(folder.resolve(asset), content);
        return new Deployment(Manifests.read(new FolderFiles(folder)).orElseThrow(),
                new ResourceSource(ResourceSource.Kind.FOLDER, folder, name), 1, resources.resolve(name + ".jar"), "",
                new TreeMap<>());
    }

    @Test
    void aMismatchedBracketNamesTheResourceTheFileAndTheLinesNotJacksonsSource() throws IOException {
        Deployment arena = deploy("arena", "data/spawns.json", "{\n  \"spawns\": [\n    {\"x\": 1}\n  }\n}");

        var e = assertThrows(ResourceException.class, () -> new ConfigAssets(() -> 1 << 20).read(arena,
                "data/spawns.json"));

        assertEquals("ERR_INVALID_MANIFEST: arena: data/spawns.json line 4 is not valid JSON: Unexpected close marker "
                + "'}': expected ']' (for Array starting at line 2)", e.getMessage());
    }
}
