package dev.plinth.core.sandbox.events;

import java.util.Objects;
import java.util.Set;

/**
 * What one script resource may emit on the event bus: events named {@code <resource>:<event>}, nothing else. Game
 * events ({@code player_join}, names without a namespace) and the server's namespaces ({@code resource:},
 * {@code system:}, also for a resource that happens to be named {@code resource}) are refused, so no script can
 * make other resources' handlers believe the server posted something. Immutable.
 *
 * @param resource the resource
 */
public record EmitPolicy(String resource) {

    /** The namespaces only the server posts in. */
    public static final Set<String> SERVER_NAMESPACES = Set.of("resource", "system", "server", "plinth", "minecraft");

    /** Validates the components. */
    public EmitPolicy {
        Objects.requireNonNull(resource, "resource");
    }

    /**
     * Refuses an event name the resource may not emit.
     *
     * @param event the name the script gave
     * @param api the call, for the message ({@code mc.emit})
     * @throws EmitDeniedException unless the name is {@code <resource>:<something>} and the resource's name is not
     *     one of the server's namespaces
     */
    public void check(String event, String api) {
        int colon = event.indexOf(':');
        String namespace = colon < 0 ? "" : event.substring(0, colon);
        if (colon < 0 || colon == event.length() - 1 || !namespace.equals(resource)
                || SERVER_NAMESPACES.contains(namespace)) {
            throw new EmitDeniedException(resource, resource + ": " + api + "('" + event + "') is refused: a resource "
                    + "emits only its own events, named '" + resource + ":<event>'; game events and the "
                    + String.join(":, ", SERVER_NAMESPACES.stream().sorted().toList()) + ": namespaces are the server's");
        }
    }
}
