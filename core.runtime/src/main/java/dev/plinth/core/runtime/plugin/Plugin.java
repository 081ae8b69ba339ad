package dev.plinth.core.runtime.plugin;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The enable / disable callbacks of a Java plugin, and its part in a hot reload. A plugin registers an object of this type as an OSGi service
 * (typically a Declarative Services component with {@code @Component}); the server calls {@link #onEnable()} on
 * the game thread once the service appears and the server is running, and {@link #onDisable()} on the game thread
 * when the service goes away (its bundle stops) or the server stops.
 *
 * <p>Commands, handlers and tasks a plugin registers through its bundle-scoped services are removed when its
 * bundle stops, whether or not {@link #onDisable()} does anything.
 *
 * <h2>Hot reload</h2>
 * When the plugin's jar changes and it is reloaded, on the game thread at one tick boundary: {@link #saveState()} in
 * the running version, {@link #onDisable()}, the new version's {@link #onEnable()}, {@link #restoreState} with what
 * was saved, {@link #onReload()}, then a replayed {@code player_join} for each player online. The state crosses from
 * the old class loader to the new one as JSON, so it holds only plain values (no object of the plugin's own classes).
 * A plugin restarted because a resource it depends on reloaded gets {@link #restoreState} and
 * {@link #onDependencyReload} instead of {@link #onReload()}. A stop followed later by a start hands nothing over.
 */
@ConsumerType
public interface Plugin {

    /**
     * Called on the game thread when the plugin starts; a good place to touch game state.
     *
     * @throws Exception any failure: logged with the plugin's resource name
     */
    default void onEnable() throws Exception {}

    /**
     * Called on the game thread when the plugin stops.
     *
     * @throws Exception any failure: logged with the plugin's resource name
     */
    default void onDisable() throws Exception {}

    /**
     * Called on the game thread before a reload stops this version: what the next version receives in
     * {@link #restoreState}.
     *
     * @return {@code null} for nothing, else a JSON-like value: a {@code String}, {@code Number}, {@code Boolean}, or
     *     a {@code List} or {@code Map<String, ?>} of those (and {@code null}), at most 1 MiB of JSON by default
     * @throws Exception any failure: the reload is refused and this version keeps running
     */
    default @Nullable Object saveState() throws Exception {
        return null;
    }

    /**
     * Called on the game thread in the new version, after {@link #onEnable()}, with what the previous version saved.
     *
     * @param state the value, as fresh {@code java.util} maps and lists, strings, numbers and booleans
     * @throws Exception any failure: the previous version is put back
     */
    default void restoreState(Object state) throws Exception {}

    /**
     * Called on the game thread in the new version after its state was restored.
     *
     * @throws Exception any failure: the previous version is put back
     */
    default void onReload() throws Exception {}

    /**
     * Called on the game thread when this plugin was restarted because a resource it depends on reloaded, after its
     * own state was restored.
     *
     * @param dependency the resource that reloaded
     * @throws Exception any failure: the previous version of that resource is put back
     */
    default void onDependencyReload(String dependency) throws Exception {}
}
