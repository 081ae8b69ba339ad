package dev.plinth.core.runtime.client;

/** What became of an event sent to a client. */
public enum EmitResult {
    /** Queued for the client. */
    SENT,
    /** No client of that player is connected. */
    NOT_CONNECTED,
    /** The client received more events than its rate allows: this one was dropped. */
    RATE_LIMITED
}
