package dev.plinth.lang.js.internal.engine;

import java.io.Serial;
import java.util.Objects;

/**
 * The root of the JavaScript host's exceptions, one subclass per phase: loading a module, running code, breaking a
 * limit. The message names the resource, the file and the line; {@link #failure()} has them apart, with the stack.
 */
public abstract sealed class JsException extends RuntimeException
        permits JsLoadException, JsRuntimeException, JsLimitException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient JsFailure failure;

    JsException(JsFailure failure, @org.jspecify.annotations.Nullable Throwable cause) {
        super(failure.toString(), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** {@return where and why} */
    public JsFailure failure() {
        return failure;
    }

    /** {@return the message followed by the JavaScript stack, for logs} */
    public String report() {
        return failure.stack().isEmpty() ? getMessage() : getMessage() + "\n" + failure.stack();
    }
}
