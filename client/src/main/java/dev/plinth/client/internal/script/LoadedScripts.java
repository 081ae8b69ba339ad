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
 * @param loop the client's loop, on which an {@code async} hook is waited for
 */
public record LoadedScripts(Optional<ScriptRuntime> runtime, OwnedEventBus view, ScriptLog log,
        Map<String, @Nullable Object> exports, ClientLoop loop) {

    /**
     * Calls a mod hook ({@code onAttach}, {@code onBootstrap}): the export of that name, else the global; an
     * {@code async} hook is waited for, its timers running meanwhile ({@link ClientLoop#await}), so that what comes
     * next (the next mod, {@code onBootstrap}) starts after it, as on the server. Called on the client's thread.
     *
     * @param hook the hook's name
     * @return whether there was one to call
     * @throws ScriptRunException when it fails, its promise is rejected (the message names the file and line), or it
     *     does not settle within {@link ClientLoop#HOOK_TIMEOUT}
     */
    public boolean call(String hook) {
        Object exported = exports.get(hook);
        Optional<ScriptFunction> function = exported instanceof ScriptFunction f ? Optional.of(f)
                : runtime.flatMap(r -> r.function(hook));
        function.ifPresent(f -> loop.await(f.callSettled(List.of()), view.owner(), hook, ClientLoop.HOOK_TIMEOUT));
        return function.isPresent();
    }

    /** Stops the scripts: the runtime closes, the handlers go, the log reports what it dropped. */
    public void close() {
        runtime.ifPresent(ScriptRuntime::close);
        view.close();
        log.close();
    }
}
