package dev.plinth.lang.js.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import dev.plinth.lang.js.internal.typescript.TranspileCache;
import dev.plinth.lang.js.internal.typescript.TypeScriptCompiler;
import dev.plinth.lang.js.internal.typescript.TypeScriptFiles;
import dev.plinth.lang.js.internal.typescript.TypeScriptLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * What the JavaScript host prepares for a resource's first start, off the game thread, of alt:V's shared code (files
 * under a client pattern that the server imports): the TypeScript its server's TypeScript imports is compiled and
 * parsed as the server's modules are, so that the start's import on the game thread compiles nothing; the client's
 * own files are left alone.
 */
class StartModulesTest {

    @TempDir
    Path folder;
    @TempDir
    Path cacheFolder;

    private final SharedEngine engine = SharedEngine.create();
    private final TypeScriptCompiler compiler = new TypeScriptCompiler(engine);

    @AfterEach
    void close() {
        compiler.close();
        engine.close();
    }

    @Test
    void sharedTypeScriptTheServerImportsUnderAClientPatternIsCompiledBeforeTheFirstStart() throws IOException {
        Bundle bundle = resource(Map.of(
                "server/main.ts", """
                        import { greet } from '../shared/util';
                        import type { Hud } from '../shared/hud';
                        // import { menu } from '../shared/menu';
                        const text: string = "import '../shared/menu'";
                        export const line: string = greet('ada') + text;
                        """,
                "shared/util.ts", """
                        import { NAMES } from './names.js';
                        export function greet(name: string): string { return 'hello ' + name + NAMES.length; }
                        """,
                "shared/names.ts", "export const NAMES: string[] = [];",
                "shared/hud.ts", "export interface Hud { x: number }",
                "shared/menu.ts", "export const menu: string = 'client';",
                "client/main.ts", "import { menu } from '../shared/menu';\nconsole.log(menu);"));
        var cache = new TranspileCache(compiler, Optional.of(cacheFolder));

        List<String> prepared = prepareStart(bundle, cache);

        assertEquals(List.of("server/main.ts", "shared/util.ts", "shared/names.ts"), prepared,
                "the server's module, then the shared modules it imports, transitively");
        for (String shared : List.of("shared/util.ts", "shared/names.ts")) {
            assertTrue(cache.isKept(shared, read(shared)), shared + " compiled before the start: its import at the "
                    + "start, on the game thread, loads no compiler and compiles nothing");
        }
        for (String client : List.of("shared/hud.ts", "shared/menu.ts", "client/main.ts")) {
            assertFalse(cache.isKept(client, read(client)), client + " is the client's: an import of types only, in a "
                    + "comment or in a string, or by a client file, compiles nothing on the server");
        }
        assertEquals(3, cache.compilations());
    }

    @Test
    void aRestartWithUnchangedSourcesFindsTheSharedModulesWithoutLoadingTheCompiler() throws IOException {
        Bundle bundle = resource(Map.of(
                "server/main.ts", "import { greet } from '../shared/util.js';\nexport const line: string = greet();",
                "shared/util.ts", "export function greet(): string { return 'hello'; }",
                "shared/hud.ts", "export const hud: string = 'client';"));
        prepareStart(bundle, new TranspileCache(compiler, Optional.of(cacheFolder)));
        List<String> kept;
        TranspileCache restarted;
        try (var next = new TypeScriptCompiler(engine)) {
            restarted = new TranspileCache(next, Optional.of(cacheFolder));
            kept = StartModules.withImportedClientTypeScript(bundle, sharedCode("server/main.ts"), restarted::find);
        }

        assertEquals(List.of("server/main.ts", "shared/util.ts"), kept,
                "the imports were kept with the compiled modules: following them compiles nothing");
        assertEquals(0, restarted.compilations());
    }

    @Test
    void plainJavaScriptDoesNotLoadTheTypeScriptCompilerToFollowItsImports() throws IOException {
        Bundle bundle = resource(Map.of(
                "server/main.js", "import { greet } from '../shared/util.js';\nexport const line = greet();",
                "shared/util.js", "export function greet() { return 'hello'; }",
                "shared/names.ts", "export const NAMES: string[] = [];"));
        var cache = new TranspileCache(compiler, Optional.empty());

        List<String> prepared = modules(bundle, "server/main.js", cache);

        assertEquals(List.of("server/main.js"), prepared, "a JavaScript module under a client pattern is parsed when "
                + "the server imports it, as cheap as it is");
        assertEquals(0, cache.compilations(), "no TypeScript compiled, the compiler not loaded");
    }

    /** Prepares the resource's start as the host does ({@code JsExtender.prepareStart}); returns the modules parsed. */
    private List<String> prepareStart(Bundle bundle, TranspileCache cache) {
        List<String> modules = modules(bundle, "server/main.ts", cache);
        var lines = new TypeScriptLines();
        var files = new TypeScriptFiles("chat", new BundleModuleFiles(bundle), cache, path -> path, lines);
        assertEquals(List.of(), engine.parse("chat", files, modules, lines), "every module parses");
        return modules;
    }

    /** The modules the host prepares for a start, with TypeScript compiled as the host compiles it. */
    private static List<String> modules(Bundle bundle, String main, TranspileCache cache) {
        return StartModules.withImportedClientTypeScript(bundle, sharedCode(main),
                (path, source) -> Optional.of(cache.transpile("chat", path, source)));
    }

    /** alt:V's shared code: a resource.toml with the given main and client-files = ["shared/*"]. */
    private static ResourceDescriptor sharedCode(String main) {
        return new ResourceDescriptor("chat", ManifestFormat.RESOURCE_TOML, "resource.toml", ResourceType.SCRIPT,
                Language.JS, new Version(1, 0, 0), "", "", Optional.of(main), List.of(), List.of(), List.of("shared/*"),
                List.of(), Map.of(), ResourceLimits.NONE, new FormatDetails.ResourceToml("js", Optional.empty()));
    }

    private byte[] read(String file) throws IOException {
        return Files.readAllBytes(folder.resolve(file));
    }

    /**
     * A resource bundle of the given files, in {@link #folder}, as far as the host asks a bundle: an entry
     * ({@code getEntry}; {@code null} for a folder or a missing file) or all those a file name pattern finds
     * ({@code findEntries}, recursively, as {@code /path}; {@code null} when none, as Felix answers).
     */
    private Bundle resource(Map<String, String> files) throws IOException {
        for (var file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getEntry" -> Files.isRegularFile(folder.resolve((String) args[0]))
                            ? url(folder.resolve((String) args[0])) : null;
                    case "findEntries" -> entries((String) args[1]);
                    case "getSymbolicName", "toString" -> "chat";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Object entries(String pattern) throws IOException {
        PathMatcher name = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> all = Files.walk(folder)) {
            List<URL> found = all.filter(path -> Files.isRegularFile(path) && name.matches(path.getFileName()))
                    .sorted()
                    .map(path -> url(Path.of("/").resolve(folder.relativize(path))))
                    .toList();
            return found.isEmpty() ? null : Collections.enumeration(found);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
