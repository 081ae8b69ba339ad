package dev.plinth.core.runtime.reload;

import dev.plinth.core.runtime.HostException;
import java.io.Serial;

/**
 * A resource's reload state cannot be handed over: it is larger than the limit, or it holds something JSON cannot
 * carry (a function, a cycle, a number that is not finite). The message names the resource and where in the state
 * the problem is.
 */
public final class ReloadStateException extends HostException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the resource
     */
    public ReloadStateException(String message) {
        super(message);
    }
}
