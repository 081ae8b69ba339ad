package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.events.EventBus;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Posts the lifecycle events on the event bus, with the payload of the MTADM contract: {@code resourceName}, and
 * {@code error} for the error events. Nothing is posted while no bus is available.
 *
 * <p>Thread-safe; posts run handlers on the calling thread (the lifecycle calls it on the server thread).
 */
final class ResourceEvents {

    static final String STARTED = "resource:started";
    static final String STOPPED = "resource:stopped";
    static final String RESTART = "resource:restart";
    static final String START_ERROR = "resource:start_error";
    static final String STOP_ERROR = "resource:stop_error";

    private final Supplier<Optional<EventBus>> bus;

    ResourceEvents(Supplier<Optional<EventBus>> bus) {
        this.bus = bus;
    }

    void post(String event, String resource) {
        bus.get().ifPresent(b -> b.post(event, Map.of("resourceName", resource)));
    }

    void postError(String event, String resource, String error) {
        bus.get().ifPresent(b -> b.post(event, Map.of("resourceName", resource, "error", error)));
    }
}
