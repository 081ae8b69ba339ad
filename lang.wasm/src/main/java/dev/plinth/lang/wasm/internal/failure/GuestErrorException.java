package dev.plinth.lang.wasm.internal.failure;

import java.io.Serial;

/**
 * A call into a module returned an error the module reported itself (an Extism plugin's {@code error_set} and a
 * non-zero return code): the call ran to its end, nothing trapped, and it is not an offence.
 */
public final class GuestErrorException extends PluginException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String error;

    /**
     * Creates the exception.
     *
     * @param prefix the resource and module file
     * @param export the export that was called
     * @param error what the module reported
     */
    public GuestErrorException(String prefix, String export, String error) {
        super(prefix + ": " + export + " failed: " + error, null);
        this.error = error;
    }

    /** {@return what the module reported} */
    public String error() {
        return error;
    }
}
