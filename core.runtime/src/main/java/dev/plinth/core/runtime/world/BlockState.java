package dev.plinth.core.runtime.world;

import dev.plinth.core.runtime.Identifier;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a block is: its type and its properties ({@code minecraft:oak_stairs[facing=north]}).
 *
 * @param type the namespaced block type, for example {@code minecraft:stone}
 * @param properties the block's properties, sorted by name
 */
public record BlockState(String type, Map<String, String> properties) {

    /** Empty space. */
    public static final BlockState AIR = of("minecraft:air");

    /**
     * Normalizes the type and copies the properties.
     *
     * @throws IllegalArgumentException when the type is not a valid identifier
     */
    public BlockState {
        type = Identifier.normalize(type);
        properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
    }

    /**
     * A block with default properties.
     *
     * @param type the block type; {@code stone} means {@code minecraft:stone}
     * @return the block state
     * @throws IllegalArgumentException when the type is not a valid identifier
     */
    public static BlockState of(String type) {
        return new BlockState(type, Map.of());
    }

    /**
     * Parses the text form {@code type[name=value,...]} that {@link #toString()} writes.
     *
     * @param text for example {@code minecraft:oak_stairs[facing=north]}
     * @return the block state
     * @throws IllegalArgumentException when the text is malformed
     */
    public static BlockState parse(String text) {
        int open = text.indexOf('[');
        if (open < 0) {
            return of(text);
        }
        if (!text.endsWith("]")) {
            throw new IllegalArgumentException("invalid block '" + text + "': properties end with ']'");
        }
        var properties = new TreeMap<String, String>();
        String body = text.substring(open + 1, text.length() - 1);
        for (String pair : body.isBlank() ? new String[0] : body.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("invalid block '" + text + "': write properties as name=value");
            }
            properties.put(parts[0].strip(), parts[1].strip());
        }
        return new BlockState(text.substring(0, open), properties);
    }

    /**
     * Whether this is empty space.
     *
     * @return {@code true} for {@code minecraft:air}
     */
    public boolean isAir() {
        return type.equals(AIR.type);
    }

    /** Formats as {@code type} or {@code type[name=value,...]}. */
    @Override
    public String toString() {
        return properties.isEmpty() ? type : properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", type + "[", "]"));
    }
}
