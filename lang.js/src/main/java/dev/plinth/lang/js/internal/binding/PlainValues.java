package dev.plinth.lang.js.internal.binding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.plinth.core.sandbox.values.ValueBudget;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * JSON-like values between scripts and the host: {@code null}, booleans, numbers, strings, arrays and plain objects
 * become {@code null}, {@code Boolean}, {@code Long} / {@code Double}, {@code String}, {@code List} and
 * {@code Map} (string keys), and back. Anything else (a function, a class instance, a host object) is refused with a
 * message naming what was passed. Every value leaving a script is counted in a core.sandbox {@link ValueBudget}: its
 * depth, its number of values (a value reached twice counts twice, so a shared-reference bomb fails fast) and its
 * bytes of strings are bounded.
 */
public final class PlainValues {

    private PlainValues() {}

    /**
     * Converts a script value to plain Java.
     *
     * @param value the value
     * @param budget the conversion's budget
     * @param what what it is, for messages ({@code the payload of mc.emit})
     * @return the plain value
     * @throws IllegalArgumentException when it is not JSON-like
     * @throws dev.plinth.core.sandbox.values.ValueLimitException when it is too big or too deep
     */
    public static @Nullable Object toJava(Value value, ValueBudget budget, String what) {
        try {
            return convert(value, budget, what);
        } finally {
            budget.finish();
        }
    }

    /**
     * Converts a script object to a plain map.
     *
     * @param value the value; null or undefined give an empty map
     * @param budget the conversion's budget
     * @param what what it is, for messages
     * @return the map
     * @throws IllegalArgumentException when it is not a plain object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Value value, ValueBudget budget, String what) {
        if (value.isNull()) {
            return Map.of();
        }
        if (toJava(value, budget, what) instanceof Map<?, ?> map) {
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

    private static @Nullable Object convert(Value value, ValueBudget budget, String what) {
        budget.node();
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            String text = value.asString();
            budget.bytes(text.length());
            return text;
        }
        if (value.isNumber()) {
            return value.fitsInLong() ? (Object) value.asLong() : (Object) value.asDouble();
        }
        if (value.canExecute() || value.isHostObject() || value.isProxyObject() && value.asProxyObject()
                instanceof Members) {
            throw new IllegalArgumentException(what + " must be JSON-like (null, booleans, numbers, strings, arrays, "
                    + "objects), not " + (value.canExecute() ? "a function" : "a host object"));
        }
        if (value.hasArrayElements()) {
            budget.enter();
            long size = value.getArraySize();
            var list = new ArrayList<@Nullable Object>((int) Math.min(size, 1024));
            for (long i = 0; i < size; i++) {
                list.add(convert(value.getArrayElement(i), budget, what));
            }
            budget.exit();
            return list;
        }
        if (value.hasMembers()) {
            budget.enter();
            var map = new LinkedHashMap<String, @Nullable Object>();
            for (String key : value.getMemberKeys()) {
                budget.bytes(key.length());
                map.put(key, convert(value.getMember(key), budget, what));
            }
            budget.exit();
            return map;
        }
        throw new IllegalArgumentException(what + " must be JSON-like, not " + value);
    }
}
