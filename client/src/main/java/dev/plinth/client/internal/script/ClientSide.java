package dev.plinth.client.internal.script;

import dev.plinth.core.events.OwnedEventBus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a client's scripts reach of their client: its resources, readiness, the server, its bus, its mods.
 *
 * <p>Thread-safe: scripts call it from the thread of their call.
 */
public interface ClientSide {

    /** {@return the player's name} */
    String player();

    /** {@return the names of the resources the server listed, sorted} */
    List<String> resourceNames();

    /**
     * One resource as {@code Resource.GetResourceInfo} shows it.
     *
     * @param name the resource
     * @return {@code name resourceType author version description state dependencies files}, empty when not listed
     */
    Optional<Map<String, Object>> resourceInfo(String name);

    /**
     * Marks a loaded resource ready, or not, and tells the server.
     *
     * @param name the resource
     * @param ready whether it is ready
     * @return {@code false} when the resource is not loaded on this client
     */
    boolean markReady(String name, boolean ready);

    /**
     * Whether a loaded resource is ready.
     *
     * @param name the resource
     * @return its readiness, empty when it is not loaded
     */
    Optional<Boolean> readiness(String name);

    /**
     * Sends a script's event to the server, within the client's rate and size limits.
     *
     * @param name the event, in the script's namespace (checked by the caller)
     * @param payload plain values
     * @return why it was not sent ({@code not_connected}, {@code rate_limited}, {@code too_large}), empty when sent
     */
    Optional<String> emitToServer(String name, Map<String, ?> payload);

    /**
     * Posts an event on the client's bus through a resource's view, recording it.
     *
     * @param view the resource's view
     * @param name the event
     * @param payload plain values
     */
    void post(OwnedEventBus view, String name, Map<String, ?> payload);

    /** {@return Staminal's {@code system.get_mods()}: every mod the server listed} */
    List<Map<String, Object>> mods();

    /**
     * Queues the download and load of a mod ({@code system.download_mod}); {@code system:mod_loaded} or
     * {@code system:mod_failed} is posted when it is done.
     *
     * @param id the mod
     * @return why it cannot be queued (an unknown mod), empty when queued
     */
    Optional<String> downloadMod(String id);
}
