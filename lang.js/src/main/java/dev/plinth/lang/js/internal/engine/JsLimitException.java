package dev.plinth.lang.js.internal.engine;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * A call broke a limit and was aborted (or the resource keeps more than it may). {@link #fatal()} is true when the
 * resource is stopped for it: {@code max_offences} aborted calls, an allocation overrun, a call that did not stop when
 * interrupted, or the retained-memory limit.
 */
public final class JsLimitException extends JsException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final JsLimit limit;
    private final int offences;
    private final boolean fatal;

    /**
     * Creates the exception.
     *
     * @param failure where and why
     * @param cause the GraalJS error, if any
     * @param limit the limit broken
     * @param offences the resource's aborted calls so far, this one included
     * @param fatal whether the resource is stopped for it
     */
    public JsLimitException(JsFailure failure, @Nullable Throwable cause, JsLimit limit, int offences,
            boolean fatal) {
        super(failure, cause);
        this.limit = limit;
        this.offences = offences;
        this.fatal = fatal;
    }

    /** {@return the limit broken} */
    public JsLimit limit() {
        return limit;
    }

    /** {@return the aborted calls so far} */
    public int offences() {
        return offences;
    }

    /** {@return whether the resource is stopped for it} */
    public boolean fatal() {
        return fatal;
    }
}
