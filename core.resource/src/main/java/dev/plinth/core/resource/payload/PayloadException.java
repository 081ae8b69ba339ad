package dev.plinth.core.resource.payload;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import java.io.Serial;

/** A client payload could not be made: a file cannot be read, a pattern or manifest is invalid. */
public final class PayloadException extends ResourceException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code {@code ERR_NOT_FOUND} for a declared file that is missing or unreadable,
     *     {@code ERR_INVALID_MANIFEST} for a manifest or pattern that cannot be used
     * @param resource the resource
     * @param message what failed, naming the resource and the file
     */
    public PayloadException(ResourceErrorCode code, String resource, String message) {
        super(code, resource, message);
    }
}
