package dev.plinth.core.runtime;

import java.util.regex.Pattern;

/**
 * A namespaced game identifier such as {@code minecraft:stone}: blocks, items, effects and entity types are
 * named this way. Values of the API keep identifiers as plain strings (what scripts see) and normalize them with
 * {@link #normalize(String)}.
 *
 * @param namespace the owner of the name, {@code minecraft} for vanilla content
 * @param path the name inside the namespace
 */
public record Identifier(String namespace, String path) {

    /** The namespace assumed when an identifier has none. */
    public static final String DEFAULT_NAMESPACE = "minecraft";

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9_.-]+");
    private static final Pattern PATH = Pattern.compile("[a-z0-9_./-]+");

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when a component holds other characters than lower-case letters, digits,
     *     {@code _ . -} (and {@code /} in the path)
     */
    public Identifier {
        if (!NAMESPACE.matcher(namespace).matches() || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("invalid identifier '" + namespace + ":" + path
                    + "': use lower-case letters, digits, '_', '.', '-' such as minecraft:stone");
        }
    }

    /**
     * Parses {@code namespace:path}, or {@code path} alone in the {@code minecraft} namespace.
     *
     * @param text the identifier
     * @return the parsed identifier
     * @throws IllegalArgumentException when the text is not a valid identifier
     */
    public static Identifier parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0
                ? new Identifier(DEFAULT_NAMESPACE, text)
                : new Identifier(text.substring(0, colon), text.substring(colon + 1));
    }

    /**
     * The canonical text of an identifier: {@code stone} becomes {@code minecraft:stone}.
     *
     * @param text the identifier
     * @return {@code namespace:path}
     * @throws IllegalArgumentException when the text is not a valid identifier
     */
    public static String normalize(String text) {
        return parse(text).toString();
    }

    @Override
    public String toString() {
        return namespace + ":" + path;
    }
}
