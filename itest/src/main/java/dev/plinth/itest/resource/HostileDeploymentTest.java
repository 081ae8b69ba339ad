package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.testsupport.HostileFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an attacker drops into {@code resources/}: the deployer refuses each with a message, never dies, and goes on
 * deploying the rest; no resource takes the name (and the grants) of another.
 */
class HostileDeploymentTest {

    private final ResourceHome home = new ResourceHome();

    @AfterEach
    void cleanUp() throws IOException {
        home.close();
    }

    @Test
    void hostileManifestsAreRefusedAndTheDeployerGoesOn() throws IOException {
        home.written(HostileFiles.sparse(home.resources.resolve("dep-sparse/meta.json"), 3L << 30).getParent());
        home.written(HostileFiles.zip(home.resources.resolve("dep-bomb.zip")).bomb("meta.json", 1536L << 20, 1536L << 20)
                .write());
        home.folder("dep-quotes", Map.of("plugin.toml", "[plugin]\nname = \"dep-quotes\"\nversion = \"1.0.0\"\n\n[extra]\n"
                + "x.\"" + "\\\"".repeat(3000) + "\" = 1\n"));

        ResourceInfo sparse = home.awaitSource("dep-sparse");
        ResourceInfo bomb = home.awaitSource("dep-bomb.zip");
        assertEquals(ResourceState.ERROR, sparse.state());
        assertEquals("ERR_INVALID_MANIFEST: dep-sparse: meta.json: holds 3 GiB, more than the 1 MiB a manifest may hold",
                sparse.lastError().orElseThrow());
        assertEquals(ResourceState.ERROR, bomb.state());
        assertEquals("ERR_INVALID_MANIFEST: dep-bomb: meta.json: holds 1.5 GiB, more than the 1 MiB a manifest may hold",
                bomb.lastError().orElseThrow());
        assertEquals(ResourceState.LOADED, home.awaitListed("dep-quotes").state(), "a 6 KB key of quotes is read");

        home.folder("dep-after", Map.of("resource.toml", "type = \"asset-pack\"\n"));
        assertEquals(ResourceState.LOADED, home.awaitListed("dep-after").state(), "the deployer still deploys");
    }

    @Test
    void aNewcomerClaimingTheNameOfADeployedResourceIsRefused() throws IOException {
        home.folder("dep-owner", Map.of("meta.json", "{\"name\": \"dep-owner\", \"version\": \"1.0.0\"}"));
        home.awaitListed("dep-owner");

        home.folder("[0-dep-evil]/impostor", Map.of("meta.json", "{\"name\": \"dep-owner\", \"version\": \"9.0.0\"}"));
        ResourceInfo impostor = home.awaitSource("[0-dep-evil]/impostor");

        assertEquals(ResourceState.ERROR, impostor.state());
        assertEquals("ERR_INVALID_NAME: resources/[0-dep-evil]/impostor is named dep-owner, like "
                + "resources/dep-owner, which was deployed first: resource names are unique",
                impostor.lastError().orElseThrow());
        ResourceInfo owner = home.service.info("dep-owner");
        assertEquals("dep-owner", owner.source(), "the name stays with the resource that had it");
        assertEquals(ResourceState.LOADED, owner.state());
    }

    @Test
    void twoArrivalsClaimingOneNameAreBothRefusedUntilOneGoes() throws IOException {
        Path staged = Files.createTempDirectory(home.root, "staged");
        for (String folder : List.of("a", "b")) {
            Files.createDirectories(staged.resolve("[dep-clash]").resolve(folder));
            Files.writeString(staged.resolve("[dep-clash]").resolve(folder).resolve("meta.json"),
                    "{\"name\": \"dep-twin\", \"version\": \"1.0.0\"}");
        }
        home.moveIn(staged.resolve("[dep-clash]"), "[dep-clash]");
        Files.delete(staged);

        String clash = "ERR_INVALID_NAME: resources/[dep-clash]/a and resources/[dep-clash]/b both claim the "
                + "name dep-twin: none of them is deployed (a name and its grants belong to one resource); rename or "
                + "remove all but one";
        for (String source : List.of("[dep-clash]/a", "[dep-clash]/b")) {
            ResourceInfo refused = home.awaitSource(source);
            assertEquals(ResourceState.ERROR, refused.state(), source);
            assertEquals(clash, refused.lastError().orElseThrow(), source);
        }

        ResourceHome.delete(home.resources.resolve("[dep-clash]/b"));
        ResourceInfo twin = ResourceHome.await(() -> home.service.list().stream()
                .filter(r -> r.name().equals("dep-twin") && r.state() == ResourceState.LOADED).findFirst()
                .or(Optional::empty), "dep-twin is deployed once the other claimant is gone");
        assertEquals("[dep-clash]/a", twin.source());
        assertTrue(home.service.list().stream().noneMatch(r -> r.source().equals("[dep-clash]/b")));
    }
}
