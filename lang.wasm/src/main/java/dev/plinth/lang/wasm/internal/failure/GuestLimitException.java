package dev.plinth.lang.wasm.internal.failure;

import java.io.Serial;
import java.util.Objects;

/**
 * A call into a module broke one of its resource's limits and was aborted: its fuel per call or per tick, its wall
 * clock, or its memory. When {@link #fatal()}, the resource is being stopped for it.
 */
public final class GuestLimitException extends PluginException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final GuestLimit limit;
    private final int offences;
    private final boolean fatal;

    /**
     * Creates the exception.
     *
     * @param prefix the resource and module file
     * @param export the export that was called
     * @param limit the limit broken
     * @param detail the limit's value, for the message ({@code 1000000 instructions})
     * @param offences how many calls of the resource ended abnormally so far, this one included
     * @param fatal whether the resource is stopped for it
     * @param cause the runtime's exception
     */
    public GuestLimitException(String prefix, String export, GuestLimit limit, String detail, int offences,
            boolean fatal, Throwable cause) {
        super(prefix + ": " + export + ": " + limit.description() + " (" + detail + ")", cause);
        this.limit = Objects.requireNonNull(limit, "limit");
        this.offences = offences;
        this.fatal = fatal;
    }

    /** {@return the limit broken} */
    public GuestLimit limit() {
        return limit;
    }

    /** {@return how many calls of the resource ended abnormally so far} */
    public int offences() {
        return offences;
    }

    /** {@return whether the resource is stopped for it} */
    public boolean fatal() {
        return fatal;
    }
}
