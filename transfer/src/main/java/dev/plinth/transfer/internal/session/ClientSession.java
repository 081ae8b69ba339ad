package dev.plinth.transfer.internal.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.protocol.EventRate;
import dev.plinth.client.protocol.SocketMessage;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.OwnedEventBus;
import dev.plinth.core.runtime.client.ConnectedClient;
import dev.plinth.core.runtime.client.EmitResult;
import dev.plinth.core.sandbox.events.EmitDeniedException;
import dev.plinth.core.sandbox.events.EmitPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One client's session: its token and player, its WebSocket once open, what it reported of its transfer, the
 * resources it made ready, and the events it sends and receives, each way rate-limited and size-limited
 * ({@link ClientSettings}). The events it sends reach the server's bus through its own view, as the player: their
 * {@code source} is the player's name.
 *
 * <p>Thread-safe.
 */
public final class ClientSession {

    private final String token;
    private final String player;
    private final String address;
    private final ClientSettings settings;
    private final OwnedEventBus bus;
    private final ObjectMapper json;
    private final Predicate<String> servesClients;
    private final EventRate inbound;
    private final EventRate outbound;
    private final AtomicReference<@Nullable SocketLink> socket = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private volatile SocketMessage.Transfer transfer = new SocketMessage.Transfer(0, 0, 0, 0, "", false);
    private volatile boolean reported;

    /**
     * Opens a session.
     *
     * @param token its bearer token
     * @param player the player's name
     * @param address where the client connects from
     * @param settings the limits of its events
     * @param bus its view of the server's bus, owned by the player
     * @param json the protocol's mapper
     * @param servesClients whether a resource is started and sends clients something: a client event must be in
     *     such a resource's namespace
     */
    public ClientSession(String token, String player, String address, ClientSettings settings, OwnedEventBus bus,
            ObjectMapper json, Predicate<String> servesClients) {
        this.token = Objects.requireNonNull(token, "token");
        this.player = Objects.requireNonNull(player, "player");
        this.address = Objects.requireNonNull(address, "address");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.json = Objects.requireNonNull(json, "json");
        this.servesClients = Objects.requireNonNull(servesClients, "servesClients");
        this.inbound = new EventRate(settings.eventsPerSecond(), System::nanoTime);
        this.outbound = new EventRate(settings.eventsPerSecond(), System::nanoTime);
    }

    /** {@return the bearer token} */
    public String token() {
        return token;
    }

    /** {@return the player's name} */
    public String player() {
        return player;
    }

    /** {@return the limits of its events} */
    public ClientSettings settings() {
        return settings;
    }

    /**
     * Gives the session its socket, once.
     *
     * @param link the socket
     * @return {@code false} when it has one already or has ended
     */
    public boolean attach(SocketLink link) {
        return !closed.get() && socket.compareAndSet(null, link);
    }

    /** {@return whether its socket is open} */
    public boolean hasSocket() {
        return socket.get() != null;
    }

    /** {@return whether the session has ended} */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Sends a script's event to the client ({@code mc.emit_client}), within the client's rate and size limits.
     *
     * @param name the event name
     * @param payload plain values
     * @return what became of it
     * @throws IllegalArgumentException when the payload is larger than {@code clients.maxEventKb}
     */
    public EmitResult emit(String name, Map<String, ?> payload) {
        SocketLink link = socket.get();
        if (link == null || closed.get()) {
            return EmitResult.NOT_CONNECTED;
        }
        String text = write(new SocketMessage.Event(name, Map.copyOf(payload)));
        if (text.getBytes(StandardCharsets.UTF_8).length > settings.maxEventBytes()) {
            throw new IllegalArgumentException("the payload of event '" + name + "' for " + player + " holds more than "
                    + settings.maxEventKb() + " KiB, the most a client event may hold (clients.maxEventKb)");
        }
        if (!outbound.take()) {
            return EmitResult.RATE_LIMITED;
        }
        link.send(text);
        return EmitResult.SENT;
    }

    /**
     * Sends a message of the server's own ({@code resource:sync}), not rate-limited.
     *
     * @param message the message
     */
    public void push(SocketMessage message) {
        SocketLink link = socket.get();
        if (link != null && !closed.get()) {
            link.send(write(message));
        }
    }

    /**
     * Handles one message from the client: an event goes to the server's bus (as the player) when it is in the
     * namespace of a resource that sends clients something, within the rate and size limits; a readiness change and
     * a transfer report are recorded. What is refused is told to the client in a notice.
     *
     * @param text the message as received
     * @return why it was refused, empty when it was taken
     */
    public java.util.Optional<String> receive(String text) {
        SocketMessage message;
        try {
            message = json.readValue(text, SocketMessage.class);
        } catch (JsonProcessingException e) {
            return refuse("a message that is not one of the protocol's: " + e.getOriginalMessage());
        }
        switch (message) {
            case SocketMessage.Event event -> {
                return receiveEvent(event, text.length());
            }
            case SocketMessage.Ready r -> {
                if (r.ready()) {
                    ready.add(r.resource());
                } else {
                    ready.remove(r.resource());
                }
            }
            case SocketMessage.Transfer t -> {
                transfer = t;
                reported = true;
            }
            case SocketMessage.Notice n -> {
                // a client has nothing to tell the server this way
            }
        }
        return java.util.Optional.empty();
    }

    private java.util.Optional<String> receiveEvent(SocketMessage.Event event, int size) {
        String name = event.name();
        int colon = name.indexOf(':');
        String namespace = colon > 0 ? name.substring(0, colon) : "";
        try {
            new EmitPolicy(namespace.isEmpty() ? name : namespace).check(name, "mc.emit_server");
        } catch (EmitDeniedException e) {
            return refuse(e.getMessage());
        }
        if (!servesClients.test(namespace)) {
            return refuse("event '" + name + "' refused: no started resource named '" + namespace
                    + "' sends clients scripts; a client emits only in its resources' namespaces");
        }
        if (size > settings.maxEventBytes()) {
            return refuse("event '" + name + "' refused: it holds more than " + settings.maxEventKb()
                    + " KiB (clients.maxEventKb)");
        }
        if (!inbound.take()) {
            return refuse("event '" + name + "' dropped: more than " + settings.eventsPerSecond()
                    + " events per second (clients.eventsPerSecond)");
        }
        try {
            bus.post(name, event.payload());
        } catch (EventException | NullPointerException e) {
            return refuse("event '" + name + "' refused: " + e.getMessage());
        }
        return java.util.Optional.empty();
    }

    private java.util.Optional<String> refuse(String reason) {
        push(new SocketMessage.Notice(reason));
        return java.util.Optional.of(reason);
    }

    /**
     * Forgets that the client made a resource ready: the resource stopped on the server.
     *
     * @param resource the resource
     */
    public void unready(String resource) {
        ready.remove(resource);
    }

    /**
     * Ends the session: its socket closes, its view of the bus too. Idempotent.
     *
     * @param code the close code for the socket
     * @param reason why
     * @return {@code true} the first time
     */
    public boolean close(int code, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        SocketLink link = socket.get();
        if (link != null) {
            link.close(code, reason);
        }
        bus.close();
        ready.clear();
        return true;
    }

    /** {@return what the server knows of the client now} */
    public ConnectedClient snapshot() {
        SocketMessage.Transfer t = transfer;
        String state = !hasSocket() ? "joined" : !reported ? "connected" : t.complete() ? "loaded" : "transferring";
        return new ConnectedClient(player, address, state, t.receivedCount(), t.totalCount(), t.receivedBytes(),
                t.totalBytes(), Set.copyOf(ready));
    }

    private String write(SocketMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot send " + message + ": " + e.getOriginalMessage(), e);
        }
    }
}
