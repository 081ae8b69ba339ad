package dev.plinth.lang.js.internal.engine;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/** Running JavaScript code threw, or the resource is stopped. */
public final class JsRuntimeException extends JsException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param failure where and why
     * @param cause the GraalJS error, if any
     */
    public JsRuntimeException(JsFailure failure, @Nullable Throwable cause) {
        super(failure, cause);
    }
}
