package dev.plinth.transfer.internal.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.client.protocol.SocketMessage;
import dev.plinth.core.events.EventBuses;
import dev.plinth.core.resource.payload.ClientPayloads;
import dev.plinth.core.runtime.client.Clients;
import dev.plinth.core.runtime.client.ConnectedClient;
import dev.plinth.core.runtime.client.EmitResult;
import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ServerConfigFile;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.transfer.internal.metrics.TransferCounters;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The client sessions, and the {@link Clients} service the host API offers over them. A join makes the player join
 * the world (as {@code sim:join} does) and opens a session with a random bearer token; the session ends, and the
 * player leaves, when its socket closes, when it leaves, when it opened no socket within
 * {@code clients.socketTimeoutSeconds}, or when this bundle stops.
 *
 * <p>Thread-safe. {@link #open} blocks while the game thread lets the player join: never call it on the game thread.
 */
@Component(service = {Sessions.class, Clients.class}, immediate = true)
public final class Sessions implements Clients {

    private static final int TOKEN_BYTES = 32;

    private final Simulation simulation;
    private final EventBuses buses;
    private final ServerConfigFile config;
    private final ClientPayloads payloads;
    private final TransferCounters counters;
    private final Logger log;
    private final ObjectMapper json = Protocol.mapper();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ClientSession> byToken = new ConcurrentHashMap<>();
    private final Map<String, ClientSession> byPlayer = new ConcurrentHashMap<>();
    private final java.util.Set<String> joining = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable ->
            Thread.ofPlatform().name("plinth-client-sessions").daemon().unstarted(runnable));

    /**
     * Creates the sessions.
     *
     * @param simulation the world the players join
     * @param buses views of the server's bus, one per session
     * @param config {@code conf/server.json}, for {@code clients}
     * @param payloads the client payloads, for the namespaces clients may emit in
     * @param counters the transfer counters
     * @param loggers the log
     */
    @Activate
    public Sessions(@Reference Simulation simulation, @Reference EventBuses buses, @Reference ServerConfigFile config,
            @Reference ClientPayloads payloads, @Reference TransferCounters counters,
            @Reference LoggerFactory loggers) {
        this.simulation = simulation;
        this.buses = buses;
        this.config = config;
        this.payloads = payloads;
        this.counters = counters;
        this.log = loggers.getLogger(Sessions.class);
    }

    /** Every session ends: the server stops serving clients. */
    @Deactivate
    void close() {
        timer.shutdownNow();
        List.copyOf(byToken.values()).forEach(session -> end(session, 1001, "the server stops serving clients"));
    }

    /**
     * A player joins: opens their session.
     *
     * @param player the player's name
     * @param address where the client connects from
     * @return the session
     * @throws JoinRefusedException when the name is not a player name, the player is connected already, or the
     *     world refused the join
     */
    public ClientSession open(String player, String address) {
        if (!Protocol.PLAYER_NAME.matcher(player).matches()) {
            throw new JoinRefusedException(400, "'" + player + "' is not a player name: 1 to 16 letters, digits or _");
        }
        ClientSettings settings = settings();
        if (byPlayer.containsKey(player) || !joining.add(player)) {
            throw new JoinRefusedException(409, player + " is connected already");
        }
        try {
            String joined;
            try {
                joined = simulation.join(player);
            } catch (SimulationException e) {
                throw new JoinRefusedException(409, e.getMessage());
            }
            if (joined.contains(" was refused")) {
                throw new JoinRefusedException(403, joined);
            }
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes());
            var session = new ClientSession(token, player, address, settings, buses.open(player), json,
                    this::servesClients);
            byToken.put(token, session);
            byPlayer.put(player, session);
            counters.sessions.increment();
            timer.schedule(() -> {
                if (!session.hasSocket()) {
                    end(session, 1008, "no socket opened within " + settings.socketTimeoutSeconds() + " s");
                }
            }, settings.socketTimeoutSeconds(), TimeUnit.SECONDS);
            log.info("{} joined from {}", player, address);
            return session;
        } finally {
            joining.remove(player);
        }
    }

    /**
     * The session of a token.
     *
     * @param token a bearer token
     * @return its live session, empty for an unknown or ended one
     */
    public Optional<ClientSession> session(String token) {
        ClientSession session = byToken.get(token);
        return session == null || session.isClosed() ? Optional.empty() : Optional.of(session);
    }

    /**
     * Ends a session: its socket closes, its player leaves the world. Idempotent.
     *
     * @param session the session
     * @param code the socket's close code
     * @param reason why, for the log and the client
     */
    public void end(ClientSession session, int code, String reason) {
        if (!session.close(code, reason)) {
            return;
        }
        byToken.remove(session.token());
        byPlayer.remove(session.player(), session);
        try {
            simulation.quit(session.player());
        } catch (SimulationException | IllegalStateException e) {
            // the player left the world already (kicked, or the world is going away)
        }
        log.info("{} left: {}", session.player(), reason);
    }

    /**
     * Sends a message of the server's own to every session with a socket.
     *
     * @param message the message
     */
    public void broadcast(SocketMessage message) {
        byToken.values().forEach(session -> session.push(message));
    }

    /**
     * Forgets, in every session, that its client made a resource ready: the resource stopped.
     *
     * @param resource the resource
     */
    public void unready(String resource) {
        byToken.values().forEach(session -> session.unready(resource));
    }

    @Override
    public List<ConnectedClient> connected() {
        var all = new ArrayList<ConnectedClient>();
        byToken.values().forEach(session -> all.add(session.snapshot()));
        all.sort(Comparator.comparing(ConnectedClient::player));
        return all;
    }

    @Override
    public Optional<ConnectedClient> client(String player) {
        return Optional.ofNullable(byPlayer.get(player)).map(ClientSession::snapshot);
    }

    @Override
    public EmitResult emit(String player, String name, Map<String, ?> payload) {
        ClientSession session = byPlayer.get(player);
        if (session == null) {
            return EmitResult.NOT_CONNECTED;
        }
        EmitResult result = session.emit(name, payload);
        if (result == EmitResult.SENT) {
            counters.eventsOut.increment();
        }
        return result;
    }

    private boolean servesClients(String resource) {
        try {
            return payloads.payload(resource).map(p -> !p.scripts().isEmpty() || p.mod().isPresent()).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ClientSettings settings() {
        try {
            return config.read("clients", ClientSettings.class).orElse(ClientSettings.DEFAULTS);
        } catch (ConfigException | IllegalArgumentException e) {
            log.error("conf/server.json, key 'clients': {}; the defaults apply", e.getMessage());
            return ClientSettings.DEFAULTS;
        }
    }

    private byte[] bytes() {
        var token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        return token;
    }
}
