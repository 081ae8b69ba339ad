package dev.plinth.lang.js.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.reload.ResourceContent;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import dev.plinth.lang.js.internal.typescript.TranspileCache;
import dev.plinth.lang.js.internal.typescript.TypeScriptCompiler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** What a hot reload's preparation parses of a JavaScript resource's next content: its server side only. */
class JsPreparationTest {

    private final SharedEngine engine = SharedEngine.create();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void modulesUnderClientFilePatternsAreNotParsedButTheServerModulesBesideThemAre() {
        var content = new RecordingContent(Map.of(
                "main.js", "import { greet } from './lib/greet.js'; greet();",
                "lib/greet.js", "export function greet() {}",
                "forms.js", "export const forms = [];",
                "hud.js", "const hud = 'client entry';",
                "ui/menu.js", "export const menu = 'client';",
                "ui/widgets/button.js", "export const button = 'client';",
                "forms/login/view.js", "export const view = 'client';",
                "client/index.js", "export const index = 'client';"));
        // alt:V's resource.toml: client-main = "hud.js", client-files = ["ui/**", "./forms/*"]
        var descriptor = new ResourceDescriptor("chat", ManifestFormat.RESOURCE_TOML, "resource.toml",
                ResourceType.SCRIPT, Language.JS, new Version(1, 0, 0), "", "", Optional.of("main.js"), List.of(),
                List.of(), List.of("hud.js", "ui/**", "./forms/*"), List.of(), Map.of(), ResourceLimits.NONE,
                new FormatDetails.ResourceToml("js", Optional.of("hud.js")));

        new JsPreparation(engine, new TranspileCache(new TypeScriptCompiler(engine), Optional.empty()))
                .prepare(descriptor, content);

        assertEquals(Set.of("forms.js", "lib/greet.js", "main.js"), content.read,
                "the server side parsed before the swap, none of the client's files");
        assertTrue(engine.parsedFor("chat"), "the parsed modules are held for the start");
    }

    @Test
    void sharedCodeTheRunningVersionImportedUnderAClientPatternIsParsedBeforeTheSwap() {
        var content = new RecordingContent(Map.of(
                "server/main.js", "import { x } from '../shared/util.js'; x();",
                "shared/util.js", "export function x() {}",
                "shared/hud.js", "export const hud = 'client';"));
        // alt:V's resource.toml: main = "server/main.js", client-files = ["shared/*"]
        var descriptor = new ResourceDescriptor("chat", ManifestFormat.RESOURCE_TOML, "resource.toml",
                ResourceType.SCRIPT, Language.JS, new Version(1, 0, 0), "", "", Optional.of("server/main.js"),
                List.of(), List.of(), List.of("shared/*"), List.of(), Map.of(), ResourceLimits.NONE,
                new FormatDetails.ResourceToml("js", Optional.empty()));
        Map<String, Set<String>> loaded = Map.of("chat", Set.of("server/main.js", "shared/util.js"));

        new JsPreparation(engine, new TranspileCache(new TypeScriptCompiler(engine), Optional.empty()),
                name -> loaded.getOrDefault(name, Set.of())).prepare(descriptor, content);

        assertEquals(Set.of("server/main.js", "shared/util.js"), content.read,
                "the module the running version imported is prepared, the client's file beside it is not");
    }

    /** A resource's next content in memory, which remembers the files read. */
    private static final class RecordingContent implements ResourceContent {

        private final Map<String, String> files;
        final Set<String> read = new ConcurrentSkipListSet<>();

        RecordingContent(Map<String, String> files) {
            this.files = new TreeMap<>(files);
        }

        @Override
        public List<String> paths() {
            return List.copyOf(files.keySet());
        }

        @Override
        public Optional<byte[]> read(String path) {
            read.add(path);
            return Optional.ofNullable(files.get(path)).map(text -> text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
