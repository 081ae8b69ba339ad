package dev.plinth.lang.js.internal.host;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.reload.LoadedFiles;
import dev.plinth.core.sandbox.script.ScriptImport;
import dev.plinth.lang.js.internal.binding.ResourceBundles;
import dev.plinth.lang.js.internal.binding.ResourceScope;
import dev.plinth.lang.js.internal.engine.ImportRefusedException;
import dev.plinth.lang.js.internal.engine.ModuleFiles;
import dev.plinth.lang.js.internal.engine.ModuleRoots;
import dev.plinth.lang.js.internal.engine.SourceLines;
import dev.plinth.lang.js.internal.typescript.TranspileCache;
import dev.plinth.lang.js.internal.typescript.TypeScriptFiles;
import dev.plinth.lang.js.internal.typescript.TypeScriptLines;
import dev.plinth.lang.js.internal.mc.Exports;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;

/**
 * Where a resource's modules come from: its bundle's files, the built-in modules its host was given, and, for
 * {@code @id} imports, the resources it declares as dependencies: a JavaScript resource's modules are loaded into the
 * importer's own context (from that resource's files, beside its entry), any other resource's exported functions
 * become a generated module. TypeScript files ({@code .ts}) read as the JavaScript they compile to. Each file read is
 * a module loaded: {@link LoadedFiles} is told, for the resource that holds it, so that an edit to it reloads that
 * resource even under a client pattern.
 */
final class ResourceModules implements ModuleRoots {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final String resource;
    private final ModuleFiles own;
    private final ResourceDescriptor descriptor;
    private final ResourceService resources;
    private final Map<String, String> builtins;
    private final Supplier<ResourceScope> scope;
    private final TranspileCache typescript;
    private final TypeScriptLines lines = new TypeScriptLines();
    private final LoadedFiles loaded;

    ResourceModules(String resource, Bundle bundle, ResourceDescriptor descriptor, ResourceService resources,
            Map<String, String> builtins, Supplier<ResourceScope> scope, TranspileCache typescript,
            LoadedFiles loaded) {
        this.resource = resource;
        this.typescript = typescript;
        this.loaded = loaded;
        this.own = new TypeScriptFiles(resource, loads(bundle), typescript, path -> path, lines);
        this.descriptor = descriptor;
        this.resources = resources;
        this.builtins = Map.copyOf(builtins);
        this.scope = scope;
    }

    /** The files of a resource bundle, each one read told as loaded by that bundle. */
    private ModuleFiles loads(Bundle bundle) {
        return new BundleModuleFiles(bundle, path -> loaded.loaded(bundle, path));
    }

    @Override
    public ModuleFiles own() {
        return own;
    }

    @Override
    public SourceLines lines() {
        return lines;
    }

    @Override
    public Optional<String> builtin(String specifier) {
        return Optional.ofNullable(builtins.get(specifier));
    }

    @Override
    public ModRoot mod(String id) throws ImportRefusedException {
        boolean declared = descriptor.dependencies().stream()
                .anyMatch(d -> d.kind() == Dependency.Kind.RESOURCE && d.name().equals(id));
        if (!declared) {
            throw new ImportRefusedException(ScriptImport.Refused.undeclared(id, resource).reason());
        }
        ResourceScope importer = scope.get();
        Bundle bundle = ResourceBundles.find(importer.bundleContext(), id).orElseThrow(() ->
                new ImportRefusedException("import '@" + id + "' in '" + resource + "': no resource '" + id
                        + "' is installed"));
        ResourceDescriptor other = resources.descriptor(bundle).orElseThrow(() ->
                new ImportRefusedException("import '@" + id + "' in '" + resource + "': '" + id + "' has no manifest"));
        if (other.language() == Language.JS && other.main().isPresent()) {
            String entry = other.main().get();
            String folder = entry.substring(0, entry.lastIndexOf('/') + 1);
            return new ModRoot.Modules(new TypeScriptFiles(resource, loads(bundle), typescript,
                    path -> "@" + id + "/" + (path.startsWith(folder) ? path.substring(folder.length()) : path), lines),
                    entry);
        }
        return new ModRoot.Generated(generated(id, Exports.names(importer, id)));
    }

    /** A module whose exports call another resource's exported functions, looked up at each call. */
    static String generated(String id, List<String> names) {
        var source = new StringBuilder("const call = globalThis[Symbol.for('plinth.import')];\n");
        source.append("const exports = Object.freeze({");
        for (String name : names) {
            source.append(quote(name)).append(": call(").append(quote(id)).append(", ").append(quote(name))
                    .append("), ");
        }
        source.append("});\nexport default exports;\n");
        for (String name : names) {
            if (IDENTIFIER.matcher(name).matches() && !name.equals("default")) {
                source.append("export const ").append(name).append(" = exports[").append(quote(name)).append("];\n");
            }
        }
        return source.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }
}
