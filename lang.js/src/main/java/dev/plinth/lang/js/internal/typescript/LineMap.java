package dev.plinth.lang.js.internal.typescript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

/**
 * The lines of a source map (version 3): for each line of the compiled JavaScript, the line of the TypeScript file it
 * was compiled from. A compiled line maps to the original line of its first mapped segment; a line without segments
 * (a blank line, a closing brace TypeScript wrote alone) maps to the nearest mapped line above it.
 *
 * <p>Immutable, thread-safe.
 */
public final class LineMap {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final int[] original;

    private LineMap(int[] original) {
        this.original = original;
    }

    /**
     * Reads a source map's {@code mappings}.
     *
     * @param sourceMap the source map, JSON
     * @return the lines
     * @throws IllegalArgumentException when it is not a version 3 source map
     */
    public static LineMap parse(String sourceMap) {
        JsonNode map;
        try {
            map = JSON.readTree(sourceMap);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a source map: " + e.getMessage(), e);
        }
        if (map == null || map.path("version").asInt() != 3 || !map.path("mappings").isTextual()) {
            throw new IllegalArgumentException("not a version 3 source map");
        }
        return of(map.path("mappings").asText());
    }

    /**
     * Decodes the {@code mappings} field (Base64 VLQ; the original line is the third field of a segment, relative to
     * the segment before it, across lines).
     *
     * @param mappings the field
     * @return the lines
     * @throws IllegalArgumentException when it is malformed
     */
    static LineMap of(String mappings) {
        String[] lines = mappings.split(";", -1);
        int[] original = new int[lines.length];
        int sourceLine = 0;
        int last = 0;
        int[] fields = new int[5];
        for (int i = 0; i < lines.length; i++) {
            int first = -1;
            if (!lines[i].isEmpty()) {
                for (String segment : lines[i].split(",")) {
                    int count = decode(segment, fields);
                    if (count >= 4) {
                        sourceLine += fields[2];
                        if (first < 0) {
                            first = sourceLine + 1;
                        }
                    }
                }
            }
            last = first > 0 ? first : last;
            original[i] = last;
        }
        return new LineMap(original);
    }

    /** Decodes one segment's VLQ values into {@code fields}; returns how many there are. */
    private static int decode(String segment, int[] fields) {
        int count = 0;
        int value = 0;
        int shift = 0;
        for (int i = 0; i < segment.length(); i++) {
            int digit = BASE64.indexOf(segment.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("malformed source map segment '" + segment + "'");
            }
            value += (digit & 31) << shift;
            if ((digit & 32) != 0) {
                shift += 5;
                continue;
            }
            if (count < fields.length) {
                fields[count] = (value & 1) == 1 ? -(value >>> 1) : value >>> 1;
            }
            count++;
            value = 0;
            shift = 0;
        }
        return count;
    }

    /**
     * The original line of a compiled line.
     *
     * @param line the compiled line, 1-based
     * @return the TypeScript line, 1-based; {@code line} itself when the map does not cover it
     */
    public int original(int line) {
        if (line < 1 || line > original.length || original[line - 1] == 0) {
            return line;
        }
        return original[line - 1];
    }

    /** {@return the original line of each compiled line, 0 where unknown; a copy} */
    int[] lines() {
        return original.clone();
    }

    /**
     * A map from its lines, as {@link #lines()} gave them.
     *
     * @param lines the original line of each compiled line
     * @return the map
     */
    static LineMap ofLines(int[] lines) {
        return new LineMap(lines.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LineMap map && Arrays.equals(original, map.original);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(original);
    }
}
