package dev.plinth.lang.wasm.internal.failure;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * The root of the WebAssembly host's exceptions, one subclass per phase: loading a module ({@link ModuleException}),
 * linking its imports ({@link LinkException}), and a call that ended abnormally: a trap ({@link GuestTrapException}),
 * a broken limit ({@link GuestLimitException}), {@code proc_exit} ({@link GuestExitException}) or an error the
 * module returned ({@link GuestErrorException}); or a call that could not start ({@link GuestBusyException}). Messages are one line that names the resource and the module file
 * (and the import or export where there is one), as users read them after {@code ERR_SCRIPT_EXECUTION: }.
 */
public abstract sealed class PluginException extends RuntimeException
        permits ModuleException, LinkException, GuestTrapException, GuestLimitException, GuestExitException,
        GuestErrorException, GuestBusyException {
    @Serial
    private static final long serialVersionUID = 1L;

    PluginException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
