package dev.plinth.client.internal.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.ClientException;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.client.protocol.SocketMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The client's end of its session's WebSocket, on the JDK's {@link WebSocket}: whole text messages are read as
 * {@link SocketMessage}s and handed on; sends are queued one after the other (the JDK allows one at a time).
 *
 * <p>Thread-safe.
 */
final class ServerSocket implements WebSocket.Listener {

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final Consumer<SocketMessage> received;
    private final Consumer<String> closed;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile boolean open;

    private ServerSocket(ObjectMapper json, Consumer<SocketMessage> received, Consumer<String> closed) {
        this.json = json;
        this.received = received;
        this.closed = closed;
    }

    /**
     * Opens the socket of a session.
     *
     * @param http the HTTP client
     * @param uri the socket's URI
     * @param token the session
     * @param json the protocol's mapper
     * @param received takes each message, on the socket's thread
     * @param closed told why, once, when the socket closes
     * @return the open socket
     * @throws ClientException when it cannot be opened
     */
    static ServerSocket open(HttpClient http, URI uri, String token, ObjectMapper json,
            Consumer<SocketMessage> received, Consumer<String> closed) {
        var socket = new ServerSocket(json, received, closed);
        try {
            socket.socket = http.newWebSocketBuilder().header("Authorization", Protocol.bearer(token))
                    .connectTimeout(OPEN_TIMEOUT).buildAsync(uri, socket)
                    .get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ClientException("the session's socket " + uri + " did not open: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new ClientException("the session's socket " + uri + " did not open within "
                    + OPEN_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while opening the session's socket", e);
        }
        return socket;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        open = true;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                received.accept(json.readValue(text, SocketMessage.class));
            } catch (JsonProcessingException e) {
                // not a message of this protocol version: skipped
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (open) {
            open = false;
            closed.accept(reason == null || reason.isBlank() ? "closed (" + statusCode + ")" : reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (open) {
            open = false;
            closed.accept(error.getMessage() == null ? error.toString() : error.getMessage());
        }
    }

    /** {@return whether the socket is open} */
    boolean isOpen() {
        return open;
    }

    /**
     * Sends a message after those queued before it.
     *
     * @param message the message
     * @return whether the socket was open to take it
     */
    synchronized boolean send(SocketMessage message) {
        if (!open) {
            return false;
        }
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot send " + message + ": " + e.getOriginalMessage(), e);
        }
        sending = sending.handle((done, failure) -> null).thenCompose(done -> socket.sendText(text, true));
        return true;
    }

    /** Closes the socket normally. */
    synchronized void close() {
        if (socket != null && !socket.isOutputClosed()) {
            open = false;
            sending.handle((done, failure) -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "left"));
        }
    }
}
