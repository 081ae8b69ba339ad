package dev.plinth.itest.resource;

import static dev.plinth.itest.resource.ResourceAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/**
 * Restart = bundle update + refresh with the folder's new content, dependents started again in order; a new
 * content that fails to start is replaced by the previous one, which runs again.
 */
class ResourceRestartTest {

    private final ResourceHome home = new ResourceHome();

    @BeforeEach
    void deploy() throws IOException {
        home.folder("rs-base", Map.of("plugin.toml", "[plugin]\nname = \"rs-base\"\nversion = \"1.0.0\"\n"));
        home.folder("rs-user", Map.of("plugin.toml",
                "[plugin]\nname = \"rs-user\"\nversion = \"1.0.0\"\n[dependencies]\nrs-base = \"^1.0\"\n"));
        home.awaitListed("rs-base");
        home.awaitListed("rs-user");
        home.service.start("rs-user");
    }

    @AfterEach
    void cleanUp() throws IOException {
        home.close();
    }

    @Test
    void restartingUnchangedContentRestartsTheDependentsToo() {
        LifecycleResult result = home.service.restart("rs-base");

        assertEquals(List.of("rs-user", "rs-base"), result.stopped());
        assertEquals(List.of("rs-base", "rs-user"), result.started());
        assertEquals(ResourceState.STARTED, home.service.info("rs-user").state());
    }

    @Test
    void restartingChangedContentUpdatesTheBundle() throws IOException {
        home.folder("rs-base", Map.of("plugin.toml", "[plugin]\nname = \"rs-base\"\nversion = \"1.1.0\"\n"));

        LifecycleResult result = home.service.restart("rs-base");

        assertEquals(new Version(1, 1, 0), home.service.info("rs-base").version());
        assertTrue(result.message().startsWith("restarted rs-base 1.1.0 with its new content"), result.message());
        assertEquals(ResourceState.STARTED, home.service.info("rs-base").state());
        assertEquals(ResourceState.STARTED, home.service.info("rs-user").state(), "the dependent runs again");
    }

    @Test
    void aNewContentThatFailsToStartIsRolledBack() throws IOException {
        home.folder("rs-user", Map.of("plugin.toml", "[plugin]\nname = \"rs-user\"\nversion = \"2.0.0\"\n"
                + "[dependencies]\nrs-base = \"^1.0\"\nrs-missing = \">=3.0\"\n"));

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("rs-user"));

        assertEquals("ERR_RESTART_ROLLBACK_APPLIED: rs-user: the new content failed to start (ERR_DEPENDENCY_MISSING: "
                + "rs-user needs rs-missing >=3.0.0, none installed); the previous content (version 1.0.0) was put back "
                + "and started again", refused.getMessage());
        assertEquals(new Version(1, 0, 0), home.service.info("rs-user").version());
        assertEquals(ResourceState.STARTED, home.service.info("rs-user").state());
    }

    @Test
    void aNewVersionThatBreaksADependentIsRolledBack() throws IOException {
        home.folder("rs-base", Map.of("plugin.toml", "[plugin]\nname = \"rs-base\"\nversion = \"2.0.0\"\n"));

        var refused = assertCode(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, () -> home.service.restart("rs-base"));

        assertTrue(refused.getMessage().contains("rs-user needs rs-base [1.0.0,2.0.0), only rs-base 2.0.0 is installed"),
                refused.getMessage());
        assertEquals(new Version(1, 0, 0), home.service.info("rs-base").version());
        assertEquals(ResourceState.STARTED, home.service.info("rs-user").state());
    }

    @Test
    void anInvalidNewManifestLeavesThePreviousContentRunning() throws IOException {
        home.folder("rs-base", Map.of("plugin.toml", "[plugin]\nname = \"rs-base\"\nversion = \"one\"\n"));

        var refused = assertCode(ResourceErrorCode.ERR_INVALID_MANIFEST, () -> home.service.restart("rs-base"));

        assertTrue(refused.getMessage().contains("plugin.toml line 3, field 'plugin.version'"), refused.getMessage());
        assertEquals(ResourceState.STARTED, home.service.info("rs-base").state());
        assertEquals(ResourceState.STARTED, home.service.info("rs-user").state());
    }

    @Test
    void aRestartWhileTheManifestIsHalfWrittenWaitsForTheWriteToEnd() throws Exception {
        Path manifest = home.resources.resolve("rs-base/plugin.toml");
        String whole = "[plugin]\nname = \"rs-base\"\nversion = \"1.2.0\"\ndescription = \"written in two parts\"\n";
        try (var out = java.nio.file.Files.newOutputStream(manifest)) {
            out.write(whole.substring(0, 40).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            var restart = java.util.concurrent.CompletableFuture.supplyAsync(() -> home.service.restart("rs-base"));
            Thread.sleep(100);
            out.write(whole.substring(40).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.close();

            LifecycleResult result = restart.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertTrue(result.message().startsWith("restarted rs-base 1.2.0 with its new content"), result.message());
        }
        assertEquals("written in two parts", home.service.info("rs-base").description());
        assertEquals(ResourceState.STARTED, home.service.info("rs-base").state());
    }
}
