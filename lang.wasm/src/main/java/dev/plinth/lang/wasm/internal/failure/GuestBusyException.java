package dev.plinth.lang.wasm.internal.failure;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * A call into a module did not run: another thread's call held the module for longer than this call's wall-clock
 * bound (a start or a stop on a worker thread while the game called it, or the reverse), or the waiting thread was
 * interrupted. Nothing ran in the module, so it is not an offence.
 */
public final class GuestBusyException extends PluginException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param prefix the resource and module file
     * @param export the export that was to be called
     * @param why why it did not run ({@code the resource is busy on another thread for longer than 50 ms})
     * @param cause the interrupt, when it was one
     */
    public GuestBusyException(String prefix, String export, String why, @Nullable Throwable cause) {
        super(prefix + ": " + export + " did not run: " + why, cause);
    }
}
