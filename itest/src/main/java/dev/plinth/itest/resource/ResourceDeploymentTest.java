package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.testsupport.RequiresCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** The resources folder deployed as bundles: every manifest format, zips, categories, changes and removals. */
class ResourceDeploymentTest {

    private final ResourceHome home = new ResourceHome();

    @AfterEach
    void cleanUp() throws IOException {
        home.close();
    }

    @Test
    void everyManifestFormatIsDeployedAsAStoppedBundle() throws IOException {
        home.folder("dep-toml", Map.of("resource.toml", "type = \"asset-pack\"\nversion = \"1.0.0\"\n",
                "textures/a.txt", "x"));
        home.folder("[dep-category]/dep-plugin", Map.of("plugin.toml", "[plugin]\nname = \"dep-plugin\"\nversion = \"2.0.0\"\n"));
        home.folder("dep-meta", Map.of("meta.json", "{\"name\": \"dep-meta\", \"resourceType\": \"map\", \"version\": \"0.3.0\", "
                + "\"assets\": [{\"path\": \"map/map.json\", \"type\": \"config\"}]}", "map/map.json", "{}"));
        home.folder("dep-mod", Map.of("manifest.json", "{\"name\": \"Root\", \"version\": \"1.0.0\"}",
                "server/manifest.json", "{\"name\": \"Server side\", \"version\": \"1.5.0\"}"));
        home.zip("dep-zip.zip", Map.of("meta.json", "{\"name\": \"dep-zip\", \"version\": \"4.0.0\"}", "data/x.json", "{}"));

        assertDeployed("dep-toml", ResourceType.SCRIPT, "1.0.0", "dep-toml");
        assertDeployed("dep-plugin", ResourceType.PLUGIN, "2.0.0", "[dep-category]/dep-plugin");
        assertDeployed("dep-meta", ResourceType.MAP, "0.3.0", "dep-meta");
        assertDeployed("dep-mod", ResourceType.MOD, "1.5.0", "dep-mod");
        assertDeployed("dep-zip", ResourceType.SCRIPT, "4.0.0", "dep-zip.zip");
    }

    @Test
    @RequiresCorpus(ResourceHome.BEDROCK_SAMPLES)
    void aBedrockPackOfTheSamplesIsDeployed() throws IOException {
        home.copy(home.bedrockSamples().resolve("rtx_resource_pack"), "dep-pack");

        assertDeployed("dep-pack", ResourceType.PACK, "1.0.0", "dep-pack");
    }

    @Test
    void theBundleCarriesTheGeneratedHeadersAndTheOriginalManifest() throws IOException {
        String meta = "{\n  \"name\": \"dep-headers\",\n  \"version\": \"1.2.3\",\n  \"dependencies\": [\"dep-other\"]\n}\n";
        home.folder("dep-headers", Map.of("meta.json", meta, "config/x.json", "{}"));
        home.awaitListed("dep-headers");

        Bundle bundle = bundle("dep-headers");
        assertEquals(new Version(1, 2, 3), bundle.getVersion());
        String provided = bundle.getHeaders().get("Provide-Capability");
        assertTrue(provided.contains("plinth.resource;plinth.resource=\"dep-headers\";version:Version=\"1.2.3\""), provided);
        String required = bundle.getHeaders().get("Require-Capability");
        assertEquals("plinth.resource;filter:=\"(plinth.resource=dep-other)\"", required, "assets only: no language host");
        try (InputStream in = bundle.getEntry("meta.json").openStream()) {
            assertArrayEquals(meta.getBytes(), in.readAllBytes(), "the original manifest is inside, unchanged");
        }
        assertTrue(bundle.getEntry("config/x.json") != null, "the folder's files are inside");
    }

    @Test
    void aScriptResourceRequiresItsLanguageHost() throws IOException {
        home.folder("dep-lua", Map.of("meta.json", "{\"name\": \"dep-lua\", \"scripts\": [{\"path\": \"server.lua\", "
                + "\"type\": \"server\"}, {\"path\": \"client.js\", \"type\": \"client\"}]}", "server.lua", "print('hi')"));
        ResourceInfo info = home.awaitListed("dep-lua");

        assertEquals(Language.LUA, info.language());
        assertTrue(bundle("dep-lua").getHeaders().get("Require-Capability").contains("(osgi.extender=plinth.lua)"));
        assertEquals("server.lua", home.service.descriptor(bundle("dep-lua")).orElseThrow().serverScripts().getFirst());
    }

    @Test
    void anInvalidManifestIsListedInErrorWithItsFileAndLine() throws IOException {
        home.folder("dep-broken", Map.of("plugin.toml", "[plugin]\nversion = \"1.0\"\nname = \"not valid\"\n"));
        ResourceInfo info = home.awaitState("dep-broken", ResourceState.ERROR);

        String error = info.lastError().orElseThrow();
        assertTrue(error.startsWith("ERR_INVALID_NAME: dep-broken: plugin.toml line 3, field 'plugin.name'"), error);
        var refused = assertThrows(ResourceException.class, () -> home.service.start("dep-broken"));
        assertEquals(ResourceErrorCode.ERR_INVALID_NAME, refused.code());
        assertTrue(home.service.diagnose("dep-broken").getFirst().contains("plugin.toml line 3"));
    }

    @Test
    void aRemovedFolderIsUninstalled() throws IOException {
        Path folder = home.folder("dep-gone", Map.of("resource.toml", "type = \"asset-pack\"\n"));
        home.awaitListed("dep-gone");
        long id = bundle("dep-gone").getBundleId();

        ResourceHome.delete(folder);
        home.awaitGone("dep-gone");
        assertNull(home.context.getBundle(id));
    }

    @Test
    void aChangedResourceThatIsNotStartedGetsItsNewContent() throws IOException {
        home.folder("dep-change", Map.of("plugin.toml", "[plugin]\nname = \"dep-change\"\nversion = \"1.0.0\"\n"));
        home.awaitListed("dep-change");

        home.folder("dep-change", Map.of("plugin.toml", "[plugin]\nname = \"dep-change\"\nversion = \"1.1.0\"\n"
                + "description = \"second\"\n"));
        ResourceHome.await(() -> Optional.of(home.service.info("dep-change"))
                .filter(i -> i.version().equals(new Version(1, 1, 0))), "dep-change is updated to 1.1.0");
        assertEquals("second", home.service.info("dep-change").description());
        assertEquals(ResourceState.LOADED, home.service.info("dep-change").state());
    }

    @Test
    void aFolderWithoutManifestIsNotAResource() throws IOException {
        home.folder("dep-nothing", Map.of("notes.txt", "no manifest here"));
        home.folder("dep-marker", Map.of("resource.toml", "type = \"asset-pack\"\n"));
        home.awaitListed("dep-marker");

        assertFalse(home.service.names().contains("dep-nothing"));
    }

    private void assertDeployed(String name, ResourceType type, String version, String source) {
        ResourceInfo info = home.awaitListed(name);
        assertEquals(type, info.type(), name);
        assertEquals(Version.parseVersion(version), info.version(), name);
        assertEquals(source, info.source(), name);
        assertEquals(ResourceState.LOADED, info.state(), name);
        assertFalse(info.system());
        assertTrue(bundle(name).getState() != Bundle.ACTIVE, name + " is not started");
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(home.context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError(symbolicName + " is installed"));
    }
}
