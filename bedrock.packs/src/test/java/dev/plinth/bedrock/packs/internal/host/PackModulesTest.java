package dev.plinth.bedrock.packs.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.resource.descriptor.FormatDetails.PackModule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** pack:list and pack:info name a pack's modules; a JavaScript script module's entry is what the host runs. */
class PackModulesTest {

    private static final PackModule DATA = new PackModule("data", "8b2d4e63-1a2f-4b3c-8d4e-5f6a7b8c9d02",
            new Version(1, 0, 0), "", Optional.empty(), Optional.empty());
    private static final PackModule SCRIPT = new PackModule("script", "0a1b2c3d-1a2f-4b3c-8d4e-5f6a7b8c9d03",
            new Version(1, 2, 0), "", Optional.of("javascript"), Optional.of("scripts/main.js"));

    @Test
    void aDataModuleIsRead() {
        var modules = new PackModules(List.of(DATA), Map.of());
        assertEquals("data", modules.types());
        assertEquals(List.of("data 1.0.0"), modules.describe());
        assertEquals(Optional.empty(), modules.scriptEntry());
    }

    @Test
    void aScriptModuleIsNamedWithItsEntryAndTheScriptApi() {
        var modules = new PackModules(List.of(SCRIPT, DATA),
                Map.of("@minecraft/server-ui", "1.3.0", "@minecraft/server", "1.15.0"));
        assertEquals("script, data", modules.types());
        assertEquals(List.of("script 1.2.0: scripts/main.js (javascript; @minecraft/server 1.15.0, "
                + "@minecraft/server-ui 1.3.0)", "data 1.0.0"), modules.describe());
        assertEquals(Optional.of("scripts/main.js"), modules.scriptEntry());
    }

    @Test
    void aScriptModuleInAnotherLanguageIsNotAnEntry() {
        var other = new PackModule("script", "0a1b2c3d-1a2f-4b3c-8d4e-5f6a7b8c9d04", new Version(1, 0, 0), "",
                Optional.of("lua"), Optional.of("scripts/main.lua"));
        assertEquals(Optional.empty(), new PackModules(List.of(other), Map.of()).scriptEntry());
    }

    @Test
    void aResourceWithoutABedrockManifestHasNoModules() {
        assertEquals("no modules", PackModules.of(Optional.empty()).types());
        assertEquals(List.of(), PackModules.of(Optional.empty()).describe());
    }
}
