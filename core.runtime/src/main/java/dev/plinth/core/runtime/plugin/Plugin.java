package dev.plinth.core.runtime.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The enable / disable callbacks of a Java plugin. A plugin registers an object of this type as an OSGi service
 * (typically a Declarative Services component with {@code @Component}); the server calls {@link #onEnable()} on
 * the game thread once the service appears and the server is running, and {@link #onDisable()} on the game thread
 * when the service goes away (its bundle stops) or the server stops.
 *
 * <p>Commands, handlers and tasks a plugin registers through its bundle-scoped services are removed when its
 * bundle stops, whether or not {@link #onDisable()} does anything.
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
}
