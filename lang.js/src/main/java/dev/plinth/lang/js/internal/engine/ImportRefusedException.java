package dev.plinth.lang.js.internal.engine;

import java.io.Serial;
import java.nio.file.AccessDeniedException;

/**
 * An import a resource may not make, with the reason as the module loader reports it. An {@link java.io.IOException}
 * so GraalJS reports it as the import's failure.
 */
public final class ImportRefusedException extends AccessDeniedException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason the sentence users read, naming the import
     */
    public ImportRefusedException(String reason) {
        super(null, null, reason);
    }

    @Override
    public String getMessage() {
        return getReason();
    }
}
