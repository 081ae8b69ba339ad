package dev.plinth.lang.lua.internal.sandbox;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The file a module name of {@code require} names in the resource: {@code lib.util} is {@code lib/util.lua}. Names are
 * dotted words, so no path can leave the resource.
 *
 * <p>Stateless; thread-safe.
 */
public final class ModuleNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

    private ModuleNames() {}

    /**
     * The file a module name names.
     *
     * @param name a module name, as given to {@code require}
     * @return its file, relative to the resource; empty when the name is not valid ({@code require} refuses it)
     */
    public static Optional<String> file(String name) {
        return NAME.matcher(name).matches() ? Optional.of(name.replace('.', '/') + ".lua") : Optional.empty();
    }
}
