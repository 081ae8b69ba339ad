package dev.plinth.lang.wasm.internal.failure;

import java.io.Serial;
import java.util.Objects;

/**
 * A call into a module ended with a trap: {@code unreachable}, an out-of-bounds access, a division by zero, a call
 * stack exhausted by deep recursion, or a bad pointer or length the module gave the host. The module's instance
 * stays usable (a trap unwinds the call only); repeated traps stop the resource.
 */
public final class GuestTrapException extends PluginException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String export;
    private final String trap;

    /**
     * Creates the exception.
     *
     * @param prefix the resource and module file ({@code welcome: welcome.wasm})
     * @param export the export that was called
     * @param trap what trapped ({@code out of bounds memory access})
     * @param cause the runtime's exception
     */
    public GuestTrapException(String prefix, String export, String trap, Throwable cause) {
        super(prefix + ": " + export + " trapped: " + trap, cause);
        this.export = Objects.requireNonNull(export, "export");
        this.trap = Objects.requireNonNull(trap, "trap");
    }

    /** {@return the export that was called} */
    public String export() {
        return export;
    }

    /** {@return what trapped} */
    public String trap() {
        return trap;
    }
}
