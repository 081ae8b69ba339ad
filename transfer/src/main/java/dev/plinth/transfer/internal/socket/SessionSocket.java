package dev.plinth.transfer.internal.socket;

import dev.plinth.transfer.internal.metrics.TransferCounters;
import dev.plinth.transfer.internal.session.ClientSession;
import dev.plinth.transfer.internal.session.SocketLink;
import dev.plinth.transfer.internal.session.Sessions;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.messages.StringMessageSink;

/**
 * The server's end of one session's WebSocket, on Jetty's WebSocket core: whole text messages (assembled and checked
 * as UTF-8 by Jetty, at most the session's event size) go to {@link ClientSession#receive}; binary messages close the
 * socket (1003); its close ends the session, and the player leaves.
 *
 * <p>Jetty calls {@link #onFrame} for one frame at a time; {@link #send} may come from any thread.
 */
final class SessionSocket implements FrameHandler, SocketLink {

    private static final MethodHandle ON_TEXT;

    static {
        try {
            ON_TEXT = MethodHandles.lookup().findVirtual(SessionSocket.class, "onText",
                    MethodType.methodType(void.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ClientSession session;
    private final Sessions sessions;
    private final TransferCounters counters;
    private volatile CoreSession core;
    private StringMessageSink text;

    SessionSocket(ClientSession session, Sessions sessions, TransferCounters counters) {
        this.session = session;
        this.sessions = sessions;
        this.counters = counters;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        core = coreSession;
        text = new StringMessageSink(coreSession, ON_TEXT.bindTo(this), true);
        if (!session.attach(this)) {
            callback.failed(new IllegalStateException(session.player() + "'s session has a socket already"));
            return;
        }
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        switch (frame.getOpCode()) {
            case OpCode.TEXT, OpCode.CONTINUATION -> text.accept(frame, callback);
            case OpCode.BINARY -> {
                callback.succeeded();
                core.close(CloseStatus.BAD_DATA, "text messages only", Callback.NOOP);
            }
            case OpCode.CLOSE -> callback.succeeded();
            default -> {
                callback.succeeded(); // a ping is answered by Jetty once this returns
                core.demand();
            }
        }
    }

    /** A whole text message. */
    void onText(String message) {
        if (session.receive(message).isEmpty()) {
            counters.eventsIn.increment();
        }
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        sessions.end(session, closeStatus.getCode(), "socket closed" + (closeStatus.getReason() == null
                || closeStatus.getReason().isBlank() ? "" : ": " + closeStatus.getReason()));
        callback.succeeded();
    }

    @Override
    public void send(String json) {
        CoreSession open = core;
        if (open != null && open.isOutputOpen()) {
            open.sendFrame(new Frame(OpCode.TEXT, json), Callback.NOOP, false);
        }
    }

    @Override
    public void close(int code, String reason) {
        CoreSession open = core;
        if (open != null && !open.isClosed()) {
            open.close(code, reason, Callback.NOOP);
        }
    }
}
