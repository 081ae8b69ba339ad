package dev.plinth.client.internal.script;

import dev.plinth.core.events.OwnedEventBus;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.script.ScriptFunction;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.script.ScriptRuntime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The scripts of one loaded client resource: its runtime (none for assets only), its view of the client's bus, and,
 * for a Staminal mod, what its entry exported.
 *
 * @param runtime the runtime, empty for a resource without client scripts
 * @param view its view of the client's bus
 * @param log its log
 * @param exports what its last script returned or exported ({@code onAttach}, {@code onBootstrap})
 */
public record LoadedScripts(Optional<ScriptRuntime> runtime, OwnedEventBus view, ScriptLog log,
        Map<String, @Nullable Object> exports) {

    /**
     * Calls a mod hook ({@code onAttach}, {@code onBootstrap}): the export of that name, else the global.
     *
     * @param hook the hook's name
     * @return whether there was one to call
     * @throws ScriptRunException when it fails
     */
    public boolean call(String hook) {
        Object exported = exports.get(hook);
        Optional<ScriptFunction> function = exported instanceof ScriptFunction f ? Optional.of(f)
                : runtime.flatMap(r -> r.function(hook));
        function.ifPresent(f -> f.call(List.of()));
        return function.isPresent();
    }

    /** Stops the scripts: the runtime closes, the handlers go, the log reports what it dropped. */
    public void close() {
        runtime.ifPresent(ScriptRuntime::close);
        view.close();
        log.close();
    }
}
