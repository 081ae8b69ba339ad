package dev.plinth.transfer.internal.session;

/**
 * The session's end of its WebSocket, as the session uses it.
 *
 * <p>Thread-safe: sends may come from any thread, they are queued in order.
 */
public interface SocketLink {

    /**
     * Sends one text message.
     *
     * @param json the message
     */
    void send(String json);

    /**
     * Closes the socket.
     *
     * @param code the WebSocket close code (1000 normal, 1001 going away, 1008 policy)
     * @param reason why, short
     */
    void close(int code, String reason);
}
