package dev.plinth.client;

import java.io.Serial;

/**
 * A client could not do what it was asked: the server is unreachable or refused, a file failed verification, a
 * command is malformed. The message says what and why.
 */
public final class ClientException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and why
     */
    public ClientException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and why
     * @param cause the underlying failure
     */
    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
