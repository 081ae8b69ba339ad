package dev.plinth.lang.js.internal.staminal;

import dev.plinth.lang.js.internal.binding.PlainValues;
import dev.plinth.lang.js.internal.binding.ResourceScope;
import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * Staminal's custom events between mods ({@code system.registerEvent(event, handler, priority[, protocol, route])},
 * {@code system.sendEvent(name, ...args)}), shared by every JavaScript resource of the host: handlers run in
 * priority order (lower first, then registration order), each in its own resource's context with JSON-like
 * {@code req} and {@code res} objects; {@code res} as one handler leaves it is what the next one gets. A handler
 * goes away with its resource. {@code SystemEvents.RequestUri} handlers (with their protocol and route) are kept for
 * the HTTP transport a later version brings; nothing sends them yet.
 *
 * <p>Thread-safe.
 */
public final class SystemEventRegistry {

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * One handler.
     *
     * @param id its id, for {@code unregisterEvent}
     * @param scope the resource it belongs to
     * @param event the event name, or the number of a {@code SystemEvents} entry as text
     * @param handler the function
     * @param priority lower runs first
     * @param protocol for {@code RequestUri}: the protocol, else empty
     * @param route for {@code RequestUri}: the route prefix, else empty
     */
    record Registration(long id, ResourceScope scope, String event, Value handler, long priority, String protocol,
            String route) {}

    long register(ResourceScope scope, String event, Value handler, long priority, String protocol, String route) {
        long id = ids.incrementAndGet();
        registrations.add(new Registration(id, scope, event, handler, priority, protocol, route));
        return id;
    }

    boolean unregister(ResourceScope scope, long id) {
        return registrations.removeIf(r -> r.id() == id && r.scope() == scope);
    }

    /**
     * Forgets a resource's handlers: it stopped.
     *
     * @param scope the resource
     */
    public void forget(ResourceScope scope) {
        registrations.removeIf(r -> r.scope() == scope);
    }

    /** The handlers of an event, in the order they run. */
    List<Registration> handlers(String event) {
        var list = new ArrayList<Registration>();
        for (Registration r : registrations) {
            if (r.event().equals(event)) {
                list.add(r);
            }
        }
        list.sort(Comparator.comparingLong(Registration::priority));
        return list;
    }

    /**
     * Sends an event: every handler in order, {@code res} carried from one to the next.
     *
     * @param sender the sending resource
     * @param event the event name
     * @param args the plain arguments
     * @return the final {@code res}, plain
     */
    Map<String, @Nullable Object> send(ResourceScope sender, String event, List<@Nullable Object> args) {
        Map<String, @Nullable Object> res = new LinkedHashMap<>();
        res.put("handled", false);
        for (Registration registration : handlers(event)) {
            Map<String, @Nullable Object> req = new LinkedHashMap<>();
            req.put("event", event);
            req.put("from", sender.name());
            req.put("args", args);
            Map<String, @Nullable Object> current = res;
            try {
                res = registration.scope().script().call(Budget.CALL, context -> {
                    Object script = PlainValues.toScript(current);
                    Value response = context.asValue(script);
                    registration.handler().execute(PlainValues.toScript(req), response);
                    return PlainValues.toMap(response, registration.scope().valueBudget("the response of event '"
                            + event + "'"), "the response of event '" + event + "'");
                });
            } catch (JsException e) {
                registration.scope().log().error("system event '" + event + "' handler failed: " + e.report());
            }
        }
        return res;
    }
}
