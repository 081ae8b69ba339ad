package dev.plinth.bedrock.packs.internal.host;

import java.io.Serial;

/** A pack's script module failed to start; the message names the pack, the file and the line. */
public final class PackScriptException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the pack, the file and the line
     * @param cause the JavaScript host's failure
     */
    public PackScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
