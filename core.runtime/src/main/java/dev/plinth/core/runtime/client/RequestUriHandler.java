package dev.plinth.core.runtime.client;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers the HTTP requests of one route of Staminal's {@code RequestUri} event
 * ({@code system.registerEvent(SystemEvents.RequestUri, handler, priority, "stam://", "/mods-manager/")}), registered
 * as an OSGi service (whiteboard) with the properties {@link #PROTOCOL}, {@link #ROUTE} and {@link #PRIORITY}. A
 * request for {@code /stam/mods-manager/hud-mod/download/client} on the HTTP port reaches the handlers of the
 * longest matching route, lower priority first, until one sets a status.
 *
 * <p>Called on an HTTP thread; a handler that runs script code bounds it as any call into its script.
 */
@ConsumerType
@FunctionalInterface
public interface RequestUriHandler {

    /** Service property: the protocol as the script wrote it ({@code stam://}). */
    String PROTOCOL = "plinth.uri.protocol";
    /** Service property: the route prefix, starting and ending with {@code /} ({@code /mods-manager/}). */
    String ROUTE = "plinth.uri.route";
    /** Service property: an {@code Integer}, lower runs first. */
    String PRIORITY = "plinth.uri.priority";

    /**
     * Handles one request.
     *
     * @param request what was asked
     * @param response the answer so far: set its status, and its file to send one (a path relative to the instance
     *     home, served only when it stays inside the home)
     */
    void handle(UriRequest request, UriResponse response);
}
