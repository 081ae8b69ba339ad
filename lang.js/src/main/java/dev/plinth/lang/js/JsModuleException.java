package dev.plinth.lang.js;

import java.io.Serial;

/**
 * A module run by {@link JsModuleHost} failed: it could not be loaded, its code threw, or it broke a limit. The
 * message names the resource, the file and the line ({@code pack: scripts/main.js:3: TypeError: ...}).
 */
public class JsModuleException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message
     * @param cause the host's exception
     */
    public JsModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
