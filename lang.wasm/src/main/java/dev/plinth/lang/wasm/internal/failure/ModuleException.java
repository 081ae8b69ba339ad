package dev.plinth.lang.wasm.internal.failure;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * A module cannot be loaded: its file is missing, its text does not assemble, its binary does not parse or validate,
 * or it asks for more memory than the resource may have.
 */
public final class ModuleException extends PluginException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the file ({@code main.wat:3:5: unexpected token...})
     */
    public ModuleException(String message) {
        this(message, null);
    }

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the file
     * @param cause the parser's or compiler's exception
     */
    public ModuleException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
