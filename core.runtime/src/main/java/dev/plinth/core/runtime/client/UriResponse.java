package dev.plinth.core.runtime.client;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@code RequestUri} request, as Staminal's handlers fill it ({@code res.status},
 * {@code res.filepath}). A handler that leaves the status at 0 lets the next one answer; none answering is a 404.
 *
 * <p>Not thread-safe: one request's handlers run one after the other.
 */
public final class UriResponse {

    private int status;
    private @Nullable String filepath;

    /** {@return the HTTP status set so far, 0 for none} */
    public int status() {
        return status;
    }

    /**
     * Sets the HTTP status.
     *
     * @param status 200, 404...
     */
    public void status(int status) {
        this.status = status;
    }

    /** {@return the file to send, relative to the instance home, if one was set} */
    public @Nullable String filepath() {
        return filepath;
    }

    /**
     * Sets the file to send.
     *
     * @param filepath a path relative to the instance home ({@code mod-packages/hud-v1.0.0-client.zip})
     */
    public void filepath(@Nullable String filepath) {
        this.filepath = filepath;
    }
}
