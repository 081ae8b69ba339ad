package dev.plinth.lang.wasm.internal.failure;

import java.io.Serial;

/** A module called WASI's {@code proc_exit}: it ends, and its resource is stopped with the exit code. */
public final class GuestExitException extends PluginException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int code;

    /**
     * Creates the exception.
     *
     * @param prefix the resource and module file
     * @param export the export that was called
     * @param code the exit code
     * @param cause the WASI exception
     */
    public GuestExitException(String prefix, String export, int code, Throwable cause) {
        super(prefix + ": " + export + " called proc_exit(" + code + ")", cause);
        this.code = code;
    }

    /** {@return the exit code} */
    public int code() {
        return code;
    }
}
