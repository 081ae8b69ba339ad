package dev.plinth.lang.js.internal.engine;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/** A module could not be loaded: a missing file, a syntax error, an import that is refused. */
public final class JsLoadException extends JsException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param failure where and why
     * @param cause the GraalJS error, if any
     */
    public JsLoadException(JsFailure failure, @Nullable Throwable cause) {
        super(failure, cause);
    }
}
