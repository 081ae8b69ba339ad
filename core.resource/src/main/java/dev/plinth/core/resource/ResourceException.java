package dev.plinth.core.resource;

import java.io.Serial;
import java.util.Objects;

/**
 * The root of the resource system's exceptions: a failed lifecycle operation, an invalid manifest, a refused call.
 * Its message starts with the error code, then a sentence naming the resource and the cause:
 * {@code ERR_DEPENDENCY_MISSING: chat-demo needs core [1.0.0,2.0.0), none installed}.
 */
public class ResourceException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ResourceErrorCode code;
    private final String resource;

    /**
     * Creates the exception.
     *
     * @param code why it failed
     * @param resource the resource concerned
     * @param detail the sentence after the code, naming the resource and the cause
     */
    public ResourceException(ResourceErrorCode code, String resource, String detail) {
        super(code + ": " + detail);
        this.code = Objects.requireNonNull(code, "code");
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    /**
     * Creates the exception with its cause.
     *
     * @param code why it failed
     * @param resource the resource concerned
     * @param detail the sentence after the code, naming the resource and the cause
     * @param cause the underlying failure
     */
    public ResourceException(ResourceErrorCode code, String resource, String detail, Throwable cause) {
        super(code + ": " + detail, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    /**
     * The error code, also the start of the message.
     *
     * @return the code
     */
    public ResourceErrorCode code() {
        return code;
    }

    /**
     * The resource the operation was about.
     *
     * @return its name (for a manifest that could not be read, the folder or file name)
     */
    public String resource() {
        return resource;
    }

    /**
     * The message without the leading code: the sentence naming the cause.
     *
     * @return the detail
     */
    public String detail() {
        return getMessage().substring(code.name().length() + 2);
    }
}
