package dev.plinth.lang.wasm.internal.failure;

import java.io.Serial;
import java.util.Objects;

/**
 * A module's import cannot be linked: the host has no such function, its type differs, or the permission it needs
 * is not granted. The message names the import's module and name.
 */
public final class LinkException extends PluginException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String module;
    private final String name;

    /**
     * Creates the exception.
     *
     * @param module the import's module ({@code env})
     * @param name the import's name ({@code mc_set_block})
     * @param message why it cannot be linked, naming both
     */
    public LinkException(String module, String name, String message) {
        super(message, null);
        this.module = Objects.requireNonNull(module, "module");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** {@return the import's module} */
    public String module() {
        return module;
    }

    /** {@return the import's name} */
    public String name() {
        return name;
    }
}
