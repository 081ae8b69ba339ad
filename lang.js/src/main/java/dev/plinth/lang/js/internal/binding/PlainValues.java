package dev.plinth.lang.js.internal.binding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * JSON-like values between scripts and the host: {@code null}, booleans, numbers, strings, arrays and plain objects
 * become {@code null}, {@code Boolean}, {@code Long} / {@code Double}, {@code String}, {@code List} and
 * {@code Map} (string keys), and back. Anything else (a function, a class instance, a host object) is refused with a
 * message naming what was passed. The conversion is bounded: at most {@value #MAX_DEPTH} levels and
 * {@value #MAX_NODES} values (a value reached twice counts twice), so a shared-reference bomb fails fast.
 */
public final class PlainValues {

    /** The deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;
    /** The most values one conversion visits. */
    public static final int MAX_NODES = 100_000;

    private PlainValues() {}

    /**
     * Converts a script value to plain Java.
     *
     * @param value the value
     * @param what what it is, for messages ({@code the payload of mc.emit})
     * @return the plain value
     * @throws IllegalArgumentException when it is not JSON-like or too big
     */
    public static @Nullable Object toJava(Value value, String what) {
        return convert(value, what, 0, new int[1]);
    }

    /**
     * Converts a script object to a plain map.
     *
     * @param value the value; null or undefined give an empty map
     * @param what what it is, for messages
     * @return the map
     * @throws IllegalArgumentException when it is not a plain object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Value value, String what) {
        if (value.isNull()) {
            return Map.of();
        }
        if (convert(value, what, 0, new int[1]) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " must be an object");
    }

    /**
     * A plain Java value as scripts read it: maps and lists as read-only proxies (copied, so the script cannot
     * change the host's data).
     *
     * @param value the plain value
     * @return what to hand to the script
     */
    public static @Nullable Object toScript(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> {
                var copy = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), toScript(v)));
                yield ProxyObject.fromMap(copy);
            }
            case List<?> list -> ProxyArray.fromList(new ArrayList<>(list.stream().map(PlainValues::toScript).toList()));
            case Integer i -> i;
            case Long l -> l;
            case Float f -> f.doubleValue();
            case Number n -> n.doubleValue();
            case Boolean b -> b;
            case CharSequence s -> s.toString();
            case Enum<?> e -> e.name().toLowerCase(java.util.Locale.ROOT);
            default -> value.toString();
        };
    }

    private static @Nullable Object convert(Value value, String what, int depth, int[] nodes) {
        if (++nodes[0] > MAX_NODES) {
            throw new IllegalArgumentException(what + " is too big: more than " + MAX_NODES + " values");
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(what + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            return value.fitsInLong() ? (Object) value.asLong() : (Object) value.asDouble();
        }
        if (value.hasArrayElements()) {
            long size = value.getArraySize();
            if (size > MAX_NODES) {
                throw new IllegalArgumentException(what + " is too big: an array of " + size + " elements");
            }
            var list = new ArrayList<@Nullable Object>((int) size);
            for (long i = 0; i < size; i++) {
                list.add(convert(value.getArrayElement(i), what, depth + 1, nodes));
            }
            return list;
        }
        if (value.canExecute() || value.isHostObject() || value.isProxyObject() && value.asProxyObject()
                instanceof Members) {
            throw new IllegalArgumentException(what + " must be JSON-like (null, booleans, numbers, strings, arrays, "
                    + "objects), not " + (value.canExecute() ? "a function" : "a host object"));
        }
        if (value.hasMembers()) {
            var map = new LinkedHashMap<String, @Nullable Object>();
            for (String key : value.getMemberKeys()) {
                map.put(key, convert(value.getMember(key), what, depth + 1, nodes));
            }
            return map;
        }
        throw new IllegalArgumentException(what + " must be JSON-like, not " + value);
    }
}
