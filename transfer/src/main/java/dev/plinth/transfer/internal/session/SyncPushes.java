package dev.plinth.transfer.internal.session;

import dev.plinth.client.protocol.SocketMessage;
import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.Subscription;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.payload.ClientPayloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Pushes MTADM's {@code resource:sync} ({@code resourceName, resourceType, state, version, author}) to every
 * connected client when a resource that sends clients something starts ({@code state: started}), and when one stops
 * ({@code state: stopped}; the clients' readiness of it is forgotten). A restart is both (its bundle stops and starts),
 * so {@code resource:restart}, posted after them, pushes nothing more: a client reloads once. The lifecycle events arrive on the
 * game thread; the push is decided and sent from {@code plinth-client-sync}, in the events' order. A stop's resource is
 * read when the event arrives: one whose folder was removed is gone by the time the push is sent, and its clients must
 * still unload it.
 *
 * <p>Thread-safe.
 */
@Component(immediate = true, service = {})
public final class SyncPushes {

    private final Sessions sessions;
    private final ResourceService resources;
    private final ClientPayloads payloads;
    private final Logger log;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ExecutorService pusher = Executors.newSingleThreadExecutor(runnable ->
            Thread.ofPlatform().name("plinth-client-sync").daemon().unstarted(runnable));

    /**
     * Subscribes to the lifecycle events.
     *
     * @param bus this bundle's view of the bus
     * @param sessions the sessions to push to
     * @param resources the resources, for their type, version and author
     * @param payloads the client payloads, to push only what clients receive
     * @param loggers the log
     */
    @Activate
    public SyncPushes(@Reference EventBus bus, @Reference Sessions sessions, @Reference ResourceService resources,
            @Reference ClientPayloads payloads, @Reference LoggerFactory loggers) {
        this.sessions = sessions;
        this.resources = resources;
        this.payloads = payloads;
        this.log = loggers.getLogger(SyncPushes.class);
        var options = HandlerOptions.at(EventPriority.MONITOR).withLocation("client sync");
        for (String name : List.of("resource:started", "resource:stopped")) {
            subscriptions.add(bus.subscribe(name, options, this::changed));
        }
    }

    @Deactivate
    void close() {
        subscriptions.forEach(Subscription::close);
        pusher.shutdownNow();
    }

    private void changed(Event event) {
        if (!(event.payload().get("resourceName") instanceof String resource)) {
            return;
        }
        if (event.name().equals("resource:started")) {
            pusher.execute(() -> pushStarted(resource));
        } else {
            // read now (two look-ups: this may be a hot reload's swap on the game thread), before a removal forgets it
            Optional<ResourceDescriptor> stopped = resources.bundle(resource).flatMap(resources::descriptor);
            pusher.execute(() -> {
                sessions.unready(resource);
                stopped.ifPresent(d -> push(d.name(), d.type(), d.version(), d.author(), "stopped"));
            });
        }
    }

    private void pushStarted(String resource) {
        try {
            if (payloads.payload(resource).isPresent()) {
                ResourceInfo info = resources.info(resource);
                push(resource, info.type(), info.version(), info.author(), info.state().id());
            }
        } catch (ResourceException e) {
            log.warn("no resource:sync for {}: {}", resource, e.getMessage());
        }
    }

    private void push(String resource, ResourceType type, Version version, String author, String state) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("resourceName", resource);
        payload.put("resourceType", type.id());
        payload.put("state", state);
        payload.put("version", version.toString());
        payload.put("author", author);
        sessions.broadcast(new SocketMessage.Event("resource:sync", payload));
    }
}
