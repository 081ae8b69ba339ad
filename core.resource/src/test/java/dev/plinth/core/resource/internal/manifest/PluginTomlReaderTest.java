package dev.plinth.core.resource.internal.manifest;

import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.read;
import static dev.plinth.core.resource.internal.manifest.ManifestAssertions.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class PluginTomlReaderTest {

    private static final String WASM_PLUGIN = """
            [plugin]
            name = "MonPlugin"
            version = "1.0.0"
            author = "Dev"
            description = "Un super plugin"
            main = "plugin.wasm"

            [permissions]
            # Quelles APIs le plugin peut utiliser
            player = true
            world = true
            commands = true
            scheduler = true
            network = false     # Pas d'accès réseau direct
            filesystem = false  # Pas d'accès au système de fichiers

            [resources]
            max_memory_mb = 16
            max_fuel_per_tick = 100000
            """;

    @Test
    void keysPlinthDoesNotReadAreNamedWithTheirLineAndTheKeyMeant() {
        var files = MemoryFiles.named("chat-demo").with("plugin.toml", """
                [plugin]
                name = "chat-demo"
                verison = "1.2.0"
                main = "main.lua"
                depends = ["core"]

                [resource]
                max_memory_mb = 4

                [resources]
                max_memory = 8
                """).with("main.lua", "");

        String ignored = "is not a key Plinth reads";
        assertEquals(List.of(
                "chat-demo: plugin.toml line 7, field 'resource': " + ignored + ", so it is ignored "
                        + "(did you mean 'resources'?)",
                "chat-demo: plugin.toml line 3, field 'plugin.verison': " + ignored + " in [plugin], so it is ignored "
                        + "(did you mean 'version'?)",
                "chat-demo: plugin.toml line 5, field 'plugin.depends': " + ignored + " in [plugin], so it is ignored "
                        + "(did you mean the [dependencies] table?)",
                "chat-demo: plugin.toml line 11, field 'resources.max_memory': " + ignored + " in [resources], so it "
                        + "is ignored (did you mean 'max_memory_mb'?)"),
                ManifestAssertions.warnings(files));
        var d = read(files);
        assertEquals(Version.emptyVersion, d.version());
        assertEquals(List.of(), d.dependencies());
    }

    @Test
    void theReleasedExamplesHoldNoKeyPlinthDoesNotRead() {
        assertEquals(List.of(), ManifestAssertions.warnings(
                MemoryFiles.named("folder").with("plugin.toml", WASM_PLUGIN).with("plugin.wasm", "")));
    }

    @Test
    void theWasmPluginExampleIsReadWithPermissionsAndLimits() {
        var d = read(MemoryFiles.named("folder").with("plugin.toml", WASM_PLUGIN).with("plugin.wasm", ""));

        assertEquals("MonPlugin", d.name());
        assertEquals(ResourceType.PLUGIN, d.type());
        assertEquals(Language.WASM, d.language());
        assertEquals(new Version(1, 0, 0), d.version());
        assertEquals("Dev", d.author());
        assertEquals("Un super plugin", d.description());
        assertTrue(d.permits("player"));
        assertFalse(d.permits("network"));
        assertFalse(d.permits("undeclared"));
        assertEquals(OptionalLong.of(16), d.limits().maxMemoryMb());
        assertEquals(OptionalLong.of(100000), d.limits().maxFuelPerTick());
    }

    @Test
    void theLuaPluginExampleDependsOnARange() {
        var d = read(MemoryFiles.named("mon_plugin").with("plugin.toml", """
                [plugin]
                name = "MonPlugin"
                version = "1.0.0"
                author = "Dev"
                description = "Un plugin Lua"
                main = "main.lua"

                [dependencies]
                # Autres plugins requis
                other_plugin = ">=1.0.0"
                interval = "[1.2,2)"
                """).with("main.lua", ""));

        assertEquals(Language.LUA, d.language());
        assertEquals(List.of(Dependency.on("other_plugin", new VersionRange("1.0.0")),
                Dependency.on("interval", new VersionRange("[1.2,2)"))), d.dependencies());
        assertEquals("other_plugin >=1.0.0", d.dependencies().getFirst().toString());
        assertEquals("interval [1.2.0,2.0.0)", d.dependencies().get(1).toString());
    }

    @Test
    void withoutMainThePluginIsAssetsOnly() {
        var d = read(MemoryFiles.named("x").with("plugin.toml", "[plugin]\nname = \"config-pack\"\n"));

        assertEquals(Language.NONE, d.language());
        assertEquals(Version.emptyVersion, d.version());
    }

    @Test
    void aMissingNameIsRefusedOnThePluginTable() {
        refused(MemoryFiles.named("x").with("plugin.toml", "\n[plugin]\nversion = \"1.0\"\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 2, "plugin.name");
    }

    @Test
    void aMissingPluginTableIsRefused() {
        refused(MemoryFiles.named("x").with("plugin.toml", "name = \"x\"\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 0, "plugin");
    }

    @Test
    void anInvalidNameIsRefusedOnItsLine() {
        refused(MemoryFiles.named("x").with("plugin.toml", "[plugin]\nversion = \"1.0\"\nname = \"-bad\"\n"),
                ResourceErrorCode.ERR_INVALID_NAME, "plugin.toml", 3, "plugin.name");
    }

    @Test
    void aNameOfSixtyFiveCharactersIsTooLong() {
        refused(MemoryFiles.named("x").with("plugin.toml", "[plugin]\nname = \"" + "n".repeat(65) + "\"\n"),
                ResourceErrorCode.ERR_NAME_TOO_LONG, "plugin.toml", 2, "plugin.name");
    }

    @Test
    void aBadVersionRangeIsRefusedOnItsLine() {
        var e = refused(MemoryFiles.named("x").with("plugin.toml",
                        "[plugin]\nname = \"x\"\n\n[dependencies]\ncore = \">=1.0\"\nchat = \"soon\"\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 6, "dependencies.chat");
        assertTrue(e.getMessage().contains("'soon' is not a version range"), e.getMessage());
    }

    @Test
    void aPermissionThatIsNotABooleanIsRefused() {
        refused(MemoryFiles.named("x").with("plugin.toml", "[plugin]\nname = \"x\"\n[permissions]\nplayer = \"yes\"\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 4, "permissions.player");
    }

    @Test
    void aNegativeLimitIsRefused() {
        refused(MemoryFiles.named("x").with("plugin.toml", "[plugin]\nname = \"x\"\n[resources]\nmax_memory_mb = -1\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 4, "resources.max_memory_mb");
    }

    @Test
    void aMainThatIsNoScriptIsRefused() {
        refused(MemoryFiles.named("x").with("plugin.toml", "[plugin]\nname = \"x\"\nmain = \"main.py\"\n")
                        .with("main.py", ""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 3, "plugin.main");
    }

    @Test
    void aDuplicateKeyIsASyntaxErrorOnItsLine() {
        refused(MemoryFiles.named("x").with("plugin.toml", "[plugin]\nname = \"x\"\nname = \"y\"\n"),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 3, "");
    }

    @Test
    void aManifestWithAKeyOfThousandsOfEscapedQuotesIsRead() {
        String attack = "[plugin]\nname = \"quotes\"\nversion = \"1.0.0\"\n\n[extra]\nx.\"" + "\\\"".repeat(3000)
                + "\" = 1\n";

        var d = read(MemoryFiles.named("quotes").with("plugin.toml", attack));

        assertEquals("quotes", d.name());
    }

    @Test
    void aManifestNestedDeeperThanAThousandLevelsIsRefused() {
        String deep = "[plugin]\nname = \"deep\"\nversion = \"1.0.0\"\nx = " + "[".repeat(100_000) + "]".repeat(100_000);

        var e = refused(MemoryFiles.named("deep").with("plugin.toml", deep), ResourceErrorCode.ERR_INVALID_MANIFEST,
                "plugin.toml", 0, "");
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void theReleasedMcRsManifestNamesItsModuleWasmFileAndHasLimits() {
        var d = read(MemoryFiles.named("folder").with("plugin.toml", """
                [plugin]
                name = "MyWasmPlugin"
                version = "1.0.0"
                author = "YourName"
                description = "A WASM plugin"
                wasm_file = "plugin.wasm"       # Path to the .wasm file

                [limits]
                fuel_per_event = 1000000        # Fuel budget per event callback (default: 1,000,000)
                fuel_per_command = 1000000      # Fuel budget per command callback (default: 1,000,000)
                fuel_per_task = 500000          # Fuel budget per task callback (default: 500,000)
                fuel_on_enable = 5000000        # Fuel budget for on_enable (default: 5,000,000)
                max_memory_pages = 256          # Max memory pages, each 64KB (default: 256 = 16MB)
                """).with("plugin.wasm", ""));

        assertEquals(Language.WASM, d.language());
        assertEquals(Optional.of("plugin.wasm"), d.main());
        var details = (FormatDetails.PluginToml) d.details();
        assertTrue(details.wasmFile());
        assertEquals(Map.of("fuel_per_event", 1_000_000L, "fuel_per_command", 1_000_000L,
                "fuel_per_task", 500_000L, "fuel_on_enable", 5_000_000L, "max_memory_pages", 256L), details.limits());
        assertTrue(d.permissions().isEmpty(), "the released manifest has no [permissions]");
    }

    @Test
    void anExtismPluginNamesItsAbiAndATextModuleIsWebAssembly() {
        var d = read(MemoryFiles.named("folder").with("plugin.toml",
                "[plugin]\nname = \"vowels\"\nversion = \"1.0.0\"\nmain = \"code.wat\"\nabi = \"extism\"\n")
                .with("code.wat", ""));
        assertEquals(Language.WASM, d.language());
        assertEquals(Optional.of("extism"), ((FormatDetails.PluginToml) d.details()).abi());
    }

    @Test
    void aLuaPluginHasNoWebAssemblyDetails() {
        var d = read(MemoryFiles.named("folder").with("plugin.toml", "[plugin]\nname = \"x\"\nmain = \"main.lua\"\n")
                .with("main.lua", ""));
        assertEquals(new FormatDetails.PluginToml(false), d.details());
    }

    @Test
    void webAssemblyFieldsAreCheckedOnTheirLine() {
        var both = refused(MemoryFiles.named("x").with("plugin.toml",
                        "[plugin]\nname = \"x\"\nmain = \"a.wasm\"\nwasm_file = \"a.wasm\"\n").with("a.wasm", ""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 4, "plugin.wasm_file");
        assertTrue(both.getMessage().contains("give main or wasm_file, not both"), both.getMessage());
        refused(MemoryFiles.named("x").with("plugin.toml",
                        "[plugin]\nname = \"x\"\nwasm_file = \"a.lua\"\n").with("a.lua", ""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 3, "plugin.wasm_file");
        var abi = refused(MemoryFiles.named("x").with("plugin.toml",
                        "[plugin]\nname = \"x\"\nmain = \"a.wasm\"\nabi = \"wasmtime\"\n").with("a.wasm", ""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 4, "plugin.abi");
        assertTrue(abi.getMessage().contains("env, mcrs, extism"), abi.getMessage());
        var limit = refused(MemoryFiles.named("x").with("plugin.toml",
                        "[plugin]\nname = \"x\"\nwasm_file = \"a.wasm\"\n[limits]\nfuel_per_evnt = 5\n")
                        .with("a.wasm", ""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 5, "limits.fuel_per_evnt");
        assertTrue(limit.getMessage().contains("is not a limit Plinth knows"), limit.getMessage());
        refused(MemoryFiles.named("x").with("plugin.toml",
                        "[plugin]\nname = \"x\"\nwasm_file = \"a.wasm\"\n[limits]\nfuel_per_task = 0\n")
                        .with("a.wasm", ""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 5, "limits.fuel_per_task");
        refused(MemoryFiles.named("x").with("plugin.toml",
                        "[plugin]\nname = \"x\"\nmain = \"a.lua\"\nabi = \"extism\"\n").with("a.lua", ""),
                ResourceErrorCode.ERR_INVALID_MANIFEST, "plugin.toml", 4, "plugin.abi");
    }

    @Test
    void theHostsGetThePermissionsSectionOnlyWhenTheManifestHasOne() {
        var withSection = read(MemoryFiles.named("x").with("plugin.toml",
                "[plugin]\nname = \"x\"\nmain = \"a.lua\"\n[permissions]\n").with("a.lua", ""));
        var without = read(MemoryFiles.named("x").with("plugin.toml",
                "[plugin]\nname = \"x\"\nmain = \"a.lua\"\n").with("a.lua", ""));
        var granted = read(MemoryFiles.named("folder").with("plugin.toml", WASM_PLUGIN).with("plugin.wasm", ""));

        assertEquals(Optional.of(Map.of()), withSection.permissionsSection(), "an empty section grants nothing");
        assertEquals(Optional.empty(), without.permissionsSection(), "no section: the server's defaults apply");
        assertEquals(Optional.of(granted.permissions()), granted.permissionsSection());
    }
}
