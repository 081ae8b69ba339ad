package dev.plinth.lang.js.internal.host;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.descriptor.ClientFiles;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.reload.LoadedFiles;
import dev.plinth.core.resource.reload.ReloadPreparation;
import dev.plinth.core.resource.reload.ResourceContent;
import dev.plinth.lang.js.internal.engine.JsFailure;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import dev.plinth.lang.js.internal.typescript.TranspileCache;
import dev.plinth.lang.js.internal.typescript.TypeScriptFiles;
import dev.plinth.lang.js.internal.typescript.TypeScriptLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The JavaScript host's part before a hot reload: compiles the TypeScript and parses the modules of a JavaScript
 * resource's next content on the shared engine while the running version still serves, so that the swap on the game
 * thread finds them compiled and parsed. A server module (the manifest's {@code main}, {@code entry_point} or server
 * scripts) that does not compile or parse refuses the reload, naming the file and the line; the other modules but its
 * {@linkplain ClientFiles client files} are prepared when they can be, and report their errors when they are imported.
 * A module under a client pattern that the running version loaded ({@link LoadedFiles}: alt:V's shared code, imported
 * by the server) is prepared as a server module is, so that the swap does not compile it; one it never loaded is the
 * clients'.
 *
 * <p>Thread-safe; called off the game thread.
 */
final class JsPreparation implements ReloadPreparation {

    private final SharedEngine engine;
    private final TranspileCache compiled;
    private final Function<String, Set<String>> loaded;

    /**
     * Creates the preparation of resources whose running versions loaded nothing under a client pattern.
     *
     * @param engine the shared engine, which keeps what it parsed for the start
     * @param compiled the compiled TypeScript
     */
    JsPreparation(SharedEngine engine, TranspileCache compiled) {
        this(engine, compiled, name -> Set.of());
    }

    /**
     * Creates the preparation.
     *
     * @param engine the shared engine, which keeps what it parsed for the start
     * @param compiled the compiled TypeScript
     * @param loaded the files a resource's running version loaded, by resource name
     */
    JsPreparation(SharedEngine engine, TranspileCache compiled, Function<String, Set<String>> loaded) {
        this.engine = engine;
        this.compiled = compiled;
        this.loaded = loaded;
    }

    @Override
    public void prepare(ResourceDescriptor next, ResourceContent content) {
        if (next.language() != Language.JS) {
            return;
        }
        String name = next.name();
        List<String> scripts = next.serverScripts().stream().filter(JsExtender::isModule).toList();
        for (String script : scripts) {
            if (!content.paths().contains(script)) {
                throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name, name + ": "
                        + next.manifestPath() + " names " + script + ", which is not in the resource");
            }
        }
        var lines = new TypeScriptLines();
        var files = new TypeScriptFiles(name, content::read, compiled, path -> path, lines);
        List<JsFailure> failures = engine.parse(name, files, scripts, lines);
        if (!failures.isEmpty()) {
            JsFailure failure = failures.getFirst();
            throw new ResourceException(ResourceErrorCode.ERR_SCRIPT_EXECUTION, name, failure.toString());
        }
        var modules = new ArrayList<String>();
        ClientFiles clientFiles = ClientFiles.ofValidPatterns(next);
        Set<String> running = loaded.apply(name);
        for (String path : content.paths()) {
            if (JsExtender.isModule(path) && !scripts.contains(path)
                    && (!clientFiles.contains(path) || running.contains(path))) {
                modules.add(path);
            }
        }
        engine.parse(name, files, modules, lines); // a module is checked when it is imported
    }
}
