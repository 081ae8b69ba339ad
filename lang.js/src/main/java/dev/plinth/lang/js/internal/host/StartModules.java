package dev.plinth.lang.js.internal.host;

import dev.plinth.core.resource.descriptor.ClientFiles;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.lang.js.internal.engine.ImportRefusedException;
import dev.plinth.lang.js.internal.engine.ModuleFileSystem;
import dev.plinth.lang.js.internal.engine.ModuleFiles;
import dev.plinth.lang.js.internal.engine.ModuleRoots;
import dev.plinth.lang.js.internal.typescript.Transpiled;
import dev.plinth.lang.js.internal.typescript.TypeScriptFiles;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.osgi.framework.Bundle;

/**
 * The modules of a JavaScript resource that its first start prepares off the game thread: its server modules (the
 * manifest's first, then its JavaScript and TypeScript files but its {@linkplain ClientFiles client files}), then the
 * TypeScript modules under a client pattern that the server's TypeScript imports, and what those import in turn: alt:V's
 * shared code ({@code client-files = ["shared/*"]}, {@code main.ts} doing {@code import { x } from "../shared/util"}),
 * which its start would otherwise compile on the game thread when it imports it. The imports are the ones TypeScript's
 * compiler lists for the compiled module ({@link Transpiled#imports}), kept with it, so that following them costs no
 * compiler load when the modules are compiled already; they resolve through the host's own {@link ModuleFileSystem}
 * ({@code ./util}, {@code ./util.js} and {@code ./util.ts} find {@code util.ts}), inside the resource only. The client
 * files the server does not import are left out: neither compiled nor parsed nor kept.
 *
 * <p>Plain JavaScript modules are not followed: reading their imports would load the TypeScript compiler (seconds of
 * boot in the interpreter) for resources that have no TypeScript, while a JavaScript module under a client pattern that
 * the server imports costs only its GraalJS parse, when it is imported.
 *
 * <p>Stateless; thread-safe as the bundle and the function given are.
 */
final class StartModules {

    private StartModules() {}

    /**
     * A resource's server modules: the manifest's first, then its JavaScript and TypeScript files but its client files
     * and declaration files ({@code .d.ts}).
     *
     * @param bundle the resource bundle
     * @param descriptor its descriptor
     * @return the modules, relative to the resource root
     */
    static List<String> server(Bundle bundle, ResourceDescriptor descriptor) {
        return List.copyOf(list(bundle, descriptor, new LinkedHashSet<>()));
    }

    /**
     * A resource's server modules, then the TypeScript modules under a client pattern that they import.
     *
     * @param bundle the resource bundle
     * @param descriptor its descriptor
     * @param compiled a TypeScript module (its path and its bytes) compiled, when it can be: the imports of one that
     *     is not, or does not compile, are not followed (its start reports what fails)
     * @return the modules, relative to the resource root
     */
    static List<String> withImportedClientTypeScript(Bundle bundle, ResourceDescriptor descriptor,
            BiFunction<String, byte[], Optional<Transpiled>> compiled) {
        var client = new LinkedHashSet<String>();
        Set<String> server = list(bundle, descriptor, client);
        client.removeIf(path -> !TypeScriptFiles.isTypeScript(path));
        if (client.isEmpty()) {
            return List.copyOf(server);
        }
        var files = new BundleModuleFiles(bundle);
        var modules = new ModuleFileSystem(new ModuleRoots() {
            @Override
            public ModuleFiles own() {
                return files;
            }

            @Override
            public Optional<String> builtin(String specifier) {
                return Optional.empty();
            }

            @Override
            public ModRoot mod(String id) throws ImportRefusedException {
                throw new ImportRefusedException("'@" + id + "' is not followed: only the resource's own files are");
            }
        });
        var toFollow = new ArrayDeque<>(server.stream().filter(TypeScriptFiles::isTypeScript).toList());
        while (!toFollow.isEmpty()) {
            String module = toFollow.removeFirst();
            for (String specifier : imports(files, module, compiled)) {
                resolve(modules, module, specifier).filter(client::contains).filter(server::add)
                        .ifPresent(toFollow::addLast);
            }
        }
        return List.copyOf(server);
    }

    /** The server modules, in order; the client side's modules go to {@code client}. */
    private static Set<String> list(Bundle bundle, ResourceDescriptor descriptor, Set<String> client) {
        var paths = new LinkedHashSet<String>(descriptor.serverScripts());
        ClientFiles clientFiles = ClientFiles.ofValidPatterns(descriptor);
        for (String pattern : List.of("*.js", "*.mjs", "*.ts", "*.mts")) {
            var entries = bundle.findEntries("/", pattern, true);
            while (entries != null && entries.hasMoreElements()) {
                String path = entries.nextElement().getPath().replaceFirst("^/", "");
                if (!path.toLowerCase(Locale.ROOT).endsWith(".d.ts")) {
                    (clientFiles.contains(path) ? client : paths).add(path);
                }
            }
        }
        return paths;
    }

    private static List<String> imports(BundleModuleFiles files, String module,
            BiFunction<String, byte[], Optional<Transpiled>> compiled) {
        try {
            return files.read(module).flatMap(bytes -> compiled.apply(module, bytes)).map(Transpiled::imports)
                    .orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of(); // the start reads and compiles it again, and reports what fails
        }
    }

    /**
     * The file of the resource a relative import of a module names, found by the host's own module file system; empty
     * for other imports and those it refuses or does not find.
     */
    private static Optional<String> resolve(ModuleFileSystem modules, String module, String specifier) {
        if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
            return Optional.empty();
        }
        try {
            String found = modules.toRealPath(ModuleFileSystem.modulePath(module).resolveSibling(specifier)).toString();
            return Optional.of(ModuleFileSystem.displayName(found, found));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // left to the start, which reports it if the import runs
        }
    }
}
