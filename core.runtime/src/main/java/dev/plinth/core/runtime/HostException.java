package dev.plinth.core.runtime;

import java.io.Serial;

/**
 * The root of the host API's exceptions. Its message starts with a stable error code when there is one
 * ({@code ERR_NOT_FOUND: no player 'bob' is online}), so the shell and scripts can show it as it is.
 */
public class HostException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the resource, file or player concerned
     */
    public HostException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the resource, file or player concerned
     * @param cause the underlying failure
     */
    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
