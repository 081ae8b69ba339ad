package dev.plinth.transfer.internal.staminal;

import dev.plinth.core.runtime.client.RequestUriHandler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link RequestUriHandler} services (whiteboard), by route: a path's handlers are those of the longest route it
 * starts with, lower priority first, then in registration order.
 *
 * <p>Thread-safe.
 */
@Component(service = StaminalRoutes.class)
public final class StaminalRoutes {

    /** The route Staminal's {@code mods-manager} serves, the mods' download URL when a handler serves it. */
    public static final String MODS_MANAGER = "/mods-manager/";

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /**
     * A registered handler.
     *
     * @param protocol its protocol ({@code stam://})
     * @param route its route prefix
     * @param priority lower runs first
     * @param order when it was registered
     * @param handler the handler
     */
    record Route(String protocol, String route, int priority, long order, RequestUriHandler handler) {}

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(RequestUriHandler handler, Map<String, Object> properties) {
        Object route = properties.get(RequestUriHandler.ROUTE);
        if (!(route instanceof String prefix) || !prefix.startsWith("/")) {
            return; // no route, no requests
        }
        Object priority = properties.get(RequestUriHandler.PRIORITY);
        routes.add(new Route(String.valueOf(properties.getOrDefault(RequestUriHandler.PROTOCOL, "stam://")),
                prefix.endsWith("/") ? prefix : prefix + "/", priority instanceof Number n ? n.intValue() : 0,
                (Long) properties.getOrDefault("service.id", 0L), handler));
    }

    void removeHandler(RequestUriHandler handler) {
        routes.removeIf(r -> r.handler() == handler);
    }

    /**
     * The handlers of a path.
     *
     * @param path the path below {@code /stam} ({@code /mods-manager/hud/download/client})
     * @return the handlers of the longest matching route, in the order they run
     */
    List<Route> handlers(String path) {
        int longest = -1;
        for (Route r : routes) {
            if (path.startsWith(r.route()) || (path + "/").equals(r.route())) {
                longest = Math.max(longest, r.route().length());
            }
        }
        var matching = new ArrayList<Route>();
        for (Route r : routes) {
            if (r.route().length() == longest && (path.startsWith(r.route()) || (path + "/").equals(r.route()))) {
                matching.add(r);
            }
        }
        matching.sort(Comparator.comparingInt(Route::priority).thenComparingLong(Route::order));
        return matching;
    }

    /**
     * The route mods are downloaded from: Staminal's {@code /mods-manager/} when a handler serves it, else the route
     * of the first handler registered for {@code stam://}.
     *
     * @return the route, empty when no handler is registered
     */
    public Optional<String> modDownloadRoute() {
        if (routes.stream().anyMatch(r -> r.route().equals(MODS_MANAGER))) {
            return Optional.of(MODS_MANAGER);
        }
        return routes.stream().filter(r -> r.protocol().equals("stam://"))
                .min(Comparator.comparingInt(Route::priority).thenComparingLong(Route::order)).map(Route::route);
    }
}
