package dev.plinth.client.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.client.protocol.ModInfo;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.core.sandbox.script.ScriptImport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ResourcesTest {

    private final List<String> out = new CopyOnWriteArrayList<>();
    private final Resources resources = new Resources("0.1.0", out::add);

    private void resource(String name, String... dependencies) {
        resources.list(new ModInfo(name, "resource", "", "", 0, 0, "script", "1.0.0", "", "h"));
        resources.get(name).orElseThrow().listing = new PayloadListing(name, "script", "1.0.0", "", "",
                List.of(dependencies), "h", List.of(), List.of(), null);
    }

    private void mod(String id, String type, int priority, Map<String, String> requires) {
        resources.list(new ModInfo(id, type, "", "", 0, 0, "mod", "1.0.0", "", "h"));
        resources.get(id).orElseThrow().listing = new PayloadListing(id, "mod", "1.0.0", "", "", List.of(), "h",
                List.of(), List.of(), new PayloadListing.Mod("client/manifest.json", id, type, priority, "main.js",
                        requires));
    }

    private List<String> names(List<Resources.Entry> entries) {
        return entries.stream().map(e -> e.info.modId()).toList();
    }

    @Test
    void resourcesLoadAfterWhatTheyDependOn() {
        resource("a-map", "z-lib");
        resource("b-hud", "a-map", "not-listed");
        resource("z-lib");
        assertEquals(List.of("z-lib", "a-map", "b-hud"), names(resources.plainInDependencyOrder()));
    }

    @Test
    void aDependencyCycleStillLoadsEachResourceOnce() {
        resource("a", "b");
        resource("b", "a");
        assertEquals(List.of("b", "a"), names(resources.plainInDependencyOrder()));
    }

    @Test
    void atFirstOnlyBootstrapModsAndWhatTheyRequireLoadByPriority() {
        mod("mods-manager", "bootstrap", 10, Map.of("ui-lib", "1.0.0"));
        mod("ui-lib", "library", -5, Map.of());
        mod("hud", "bootstrap", 0, Map.of());
        mod("extra", "library", -100, Map.of());
        resource("plain");
        assertEquals(List.of("ui-lib", "hud", "mods-manager"), names(resources.bootstrapMods()),
                "lower priority first; a library no bootstrap mod requires waits to be downloaded");
    }

    @Test
    void aModThatNeedsAnotherClientVersionIsNotLoadedAndSaysWhy() {
        mod("new-ui", "bootstrap", 0, Map.of("@client", "0.2.0"));
        mod("range-ui", "bootstrap", 0, Map.of("@client", "0.0.1,0.0.9"));
        mod("open-ui", "bootstrap", 0, Map.of("@client", "0.1.0,"));
        mod("exact-ui", "bootstrap", 0, Map.of("@client", "0.1.0", "@server", "9.9.9"));
        mod("odd-ui", "bootstrap", 0, Map.of("@client", "soon"));
        assertEquals(List.of("exact-ui", "open-ui"), names(resources.bootstrapMods()));
        assertTrue(out.contains("new-ui not loaded: it needs @client 0.2.0, this client is 0.1.0"), out.toString());
        assertTrue(out.contains("range-ui not loaded: it needs @client 0.0.1 to 0.0.9, this client is 0.1.0"),
                out.toString());
        assertTrue(out.contains("odd-ui not loaded: its @client requirement 'soon' is not a version or range"),
                out.toString());
        assertEquals("error", resources.get("new-ui").orElseThrow().state);
    }

    @Test
    void aBootstrapModWhoseRequirementCannotLoadStaysOut() {
        mod("boot", "bootstrap", 0, Map.of("needs-new", "1.0.0"));
        mod("needs-new", "library", 0, Map.of("@client", "5.0.0"));
        mod("lonely", "bootstrap", 0, Map.of("missing", "1.0.0"));
        assertEquals(List.of(), names(resources.bootstrapMods()));
        assertTrue(out.contains("boot not loaded: it requires needs-new, which cannot load"), out.toString());
        assertTrue(out.contains("lonely not loaded: it requires missing, which the server does not list"),
                out.toString());
    }

    @Test
    void requirementsInACycleAreRefused() {
        mod("a", "bootstrap", 0, Map.of("b", "1.0.0"));
        mod("b", "library", 0, Map.of("a", "1.0.0"));
        assertEquals(List.of(), names(resources.bootstrapMods()));
        assertTrue(out.stream().anyMatch(l -> l.contains("its requirements form a cycle: a -> b -> a")), out.toString());
    }

    @Test
    void unloadingClearsReadiness() {
        resource("hud");
        var hud = resources.get("hud").orElseThrow();
        hud.state = "loaded";
        hud.ready = true;
        assertTrue(resources.unload(hud, "stopped"), "it was ready");
        assertEquals("stopped", hud.state);
        assertEquals(false, hud.ready);
        assertEquals("stopped", resources.snapshot().getFirst().state());
    }
    private ScriptImport resolve(String importer, String id) {
        return resources.imports(resources.get(importer).orElseThrow(),
                (listing, entry) -> new ScriptImport.Found(path -> Optional.of((listing.name() + ":" + path)
                        .getBytes(StandardCharsets.UTF_8)), entry)).resolve(id);
    }

    @Test
    void aModImportsTheModsItRequiresBesideTheirEntry() throws Exception {
        mod("hud", "bootstrap", 5, Map.of("js-helper", "1.0.0", "@client", "0.1.0"));
        mod("js-helper", "library", 0, Map.of());
        mod("extras", "library", 0, Map.of());

        var found = assertInstanceOf(ScriptImport.Found.class, resolve("hud", "js-helper"));
        assertEquals("main.js", found.entry());
        assertEquals("js-helper:lib/x.js", new String(found.files().read("lib/x.js").orElseThrow(),
                StandardCharsets.UTF_8), "the files are the required mod's, not the importer's");
        // The server's rule and sentence (a JavaScript resource importing what it does not declare), naming both.
        assertEquals(new ScriptImport.Refused("import '@extras' refused: 'extras' is not a declared dependency of 'hud'"
                + " (add it to the manifest's requires / deps)"), resolve("hud", "extras"));
        assertEquals(new ScriptImport.Refused("import '@client' refused: 'client' is not a declared dependency of 'hud'"
                + " (add it to the manifest's requires / deps)"), resolve("hud", "client"));
    }

    @Test
    void aResourceImportsWhatItDependsOnAndNothingTheServerDoesNotList() {
        resource("hud", "widgets", "gone", "assets-only");
        resources.list(new ModInfo("widgets", "resource", "", "", 0, 0, "script", "1.0.0", "", "h"));
        resources.get("widgets").orElseThrow().listing = new PayloadListing("widgets", "script", "1.0.0", "", "",
                List.of(), "h", List.of(), List.of("client/widgets.js"), null);
        resource("assets-only");

        assertEquals("client/widgets.js", assertInstanceOf(ScriptImport.Found.class, resolve("hud", "widgets")).entry());
        assertEquals(new ScriptImport.Refused("import '@gone' in 'hud': the server lists no 'gone'"),
                resolve("hud", "gone"));
        assertEquals(new ScriptImport.Refused("import '@assets-only' in 'hud': 'assets-only' has no client entry to "
                + "import"), resolve("hud", "assets-only"));
    }
}
