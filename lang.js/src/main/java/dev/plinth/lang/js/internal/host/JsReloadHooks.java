package dev.plinth.lang.js.internal.host;

import dev.plinth.core.runtime.reload.ReloadHooks;
import dev.plinth.core.runtime.reload.ReloadHooksRegistration;
import dev.plinth.core.runtime.reload.ReloadState;
import dev.plinth.lang.js.internal.binding.PlainValues;
import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsException;
import java.util.Optional;
import org.graalvm.polyglot.Source;
import org.jspecify.annotations.Nullable;

/**
 * A JavaScript (or TypeScript) resource's part in a hot reload: the functions its entry module exports,
 * {@code onSaveState()} (returns the state to hand over: an object, an array, a string, a number, a boolean),
 * {@code onRestoreState(state)}, {@code onReload()} and {@code onDependencyReload(name)}, each called by the resource
 * manager through the {@link ReloadHooks} service registered for the resource once it started. Each may be
 * {@code async}: its promise is awaited. The state travels as JSON and comes back as plain objects and arrays.
 *
 * <p>Staminal's lifecycle hooks still run, around these: the old version's {@code onSaveState}, then its
 * {@code onDetach} (its stop); the new version's {@code onAttach} (its start), then {@code onRestoreState} and
 * {@code onReload}. A stop followed later by a start runs {@code onDetach} and {@code onAttach} only.
 *
 * <p>Each hook runs as a start does: with the start's statement budget and wall-clock bound. Called on the game
 * thread.
 */
final class JsReloadHooks implements ReloadHooks {

    private static final String SAVE = "onSaveState";
    /** {@code JSON.parse}, one source for every restore (parsed once by the engine, not at each swap). */
    private static final Source JSON_PARSE = Source.newBuilder("js", "JSON.parse", "plinth-json-parse.js")
            .buildLiteral();

    private final JsResource resource;
    private volatile ReloadHooksRegistration registration = ReloadHooksRegistration.none();

    JsReloadHooks(JsResource resource) {
        this.resource = resource;
    }

    /** Registers the hooks through the resource bundle's context: the resource has started. */
    void register() {
        registration = ReloadHooksRegistration.offer(resource.scope().bundle(), resource.name(), this);
    }

    /** Withdraws the hooks: the resource is stopping. */
    void unregister() {
        registration.withdraw();
    }

    @Override
    public Optional<ReloadState> saveState(int maxBytes) {
        String what = "the state " + SAVE + " returned";
        Object state = call(SAVE, null, value -> value.isNull() ? null
                : new Saved(PlainValues.toJava(value, resource.scope().valueBudget(what), what)));
        if (!(state instanceof Saved saved)) {
            return Optional.empty();
        }
        return Optional.of(ReloadState.of(resource.name(), saved.value(), maxBytes));
    }

    @Override
    public void restoreState(ReloadState state) {
        String json = state.json();
        try {
            resource.hook("onRestoreState", Budget.START,
                    context -> new Object[] {context.eval(JSON_PARSE).execute(json)}, value -> null);
        } catch (JsException e) {
            resource.scope().log().error("onRestoreState failed: " + e.report());
            throw e;
        }
    }

    @Override
    public void onReload() {
        call("onReload", null, value -> null);
    }

    @Override
    public void onDependencyReload(String dependency) {
        call("onDependencyReload", dependency, value -> null);
    }

    /** A saved value, which may itself be {@code null} inside. */
    private record Saved(@Nullable Object value) {}

    private @Nullable Object call(String hook, @Nullable String argument,
            java.util.function.Function<org.graalvm.polyglot.Value, @Nullable Object> result) {
        try {
            return resource.hook(hook, Budget.START,
                    context -> argument == null ? new Object[0] : new Object[] {argument}, result);
        } catch (JsException e) {
            resource.scope().log().error(hook + " failed: " + e.report());
            throw e;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource.name() + ": " + e.getMessage(), e);
        }
    }
}
