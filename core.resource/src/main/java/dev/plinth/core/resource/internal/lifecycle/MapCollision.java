package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * The binary collision format of a baked map, {@code map/map_collision.bin}: little-endian, a 12-byte header then
 * one 40-byte record per primitive.
 *
 * <pre>
 * header:    "PMCB" (4 bytes) | format version u16 = 1 | reserved u16 = 0 | primitive count u32
 * primitive: kind u8 (1 cube, 2 sphere, 3 cylinder, 4 capsule, 5 plane) | 3 reserved bytes = 0
 *            | x y z f32 (centre) | sx sy sz f32 (size; a sphere's diameter is sx) | rx ry rz f32 (degrees)
 * </pre>
 *
 * A primitive is a table {@code {kind = "cube", x = 0, y = -2, z = 0, sx = 64, sy = 2, sz = 64}}; the position and
 * rotation default to 0 and the size to 1; sizes must be positive and every number finite.
 */
final class MapCollision {

    static final int HEADER = 12;
    static final int RECORD = 40;
    static final List<String> KINDS = List.of("cube", "sphere", "cylinder", "capsule", "plane");
    private static final int MAX_PRIMITIVES = 1_000_000;

    private MapCollision() {}

    /**
     * Encodes primitives.
     *
     * @param resource the map package, for messages
     * @param primitives the primitives, as plain values
     * @return the file's bytes
     * @throws ResourceException {@code ERR_INVALID_MANIFEST} naming the primitive and field that is wrong
     */
    static byte[] encode(String resource, List<?> primitives) {
        if (primitives.size() > MAX_PRIMITIVES) {
            throw invalid(resource, "primitives", "holds " + primitives.size() + " entries, at most "
                    + MAX_PRIMITIVES + " are allowed");
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER + RECORD * primitives.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {'P', 'M', 'C', 'B'}).putShort((short) 1).putShort((short) 0).putInt(primitives.size());
        for (int i = 0; i < primitives.size(); i++) {
            String where = "primitives[" + (i + 1) + "]";
            if (!(primitives.get(i) instanceof Map<?, ?> primitive)) {
                throw invalid(resource, where, "is not a table {kind = \"cube\", x = ..., sx = ...}");
            }
            Object kind = primitive.get("kind");
            int code = KINDS.indexOf(kind instanceof String k ? k : "") + 1;
            if (code == 0) {
                throw invalid(resource, where + ".kind", "is " + kind + "; use one of " + String.join(", ", KINDS));
            }
            out.put((byte) code).put(new byte[3]);
            for (String field : List.of("x", "y", "z")) {
                out.putFloat(number(resource, where, primitive, field, 0, false));
            }
            for (String field : List.of("sx", "sy", "sz")) {
                out.putFloat(number(resource, where, primitive, field, 1, true));
            }
            for (String field : List.of("rx", "ry", "rz")) {
                out.putFloat(number(resource, where, primitive, field, 0, false));
            }
        }
        return out.array();
    }

    private static float number(String resource, String where, Map<?, ?> primitive, String field, float fallback,
            boolean positive) {
        Object value = primitive.get(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())
                || Math.abs(number.doubleValue()) > Float.MAX_VALUE) {
            throw invalid(resource, where + "." + field, "is " + value + ", not a finite number");
        }
        if (positive && number.doubleValue() <= 0) {
            throw invalid(resource, where + "." + field, "is " + value + "; a size is more than 0");
        }
        return number.floatValue();
    }

    private static ResourceException invalid(String resource, String field, String why) {
        return new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, resource, resource
                + ": Resource.BakeMapPackage, field '" + field + "' " + why + "; nothing was written");
    }
}
