package dev.plinth.bedrock.packs.internal.host;

/**
 * A pack's running script module (its {@code scripts/main.js}): what it subscribed and scheduled belongs to the
 * pack's bundle; closing it ends the script's context.
 *
 * <p>Thread-safe.
 */
public interface PackScript extends AutoCloseable {

    /** {@return whether it is still running (not closed, not stopped for breaking its limits)} */
    boolean running();

    /** Ends the script. Idempotent. */
    @Override
    void close();
}
