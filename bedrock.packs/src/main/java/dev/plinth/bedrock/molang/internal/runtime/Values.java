package dev.plinth.bedrock.molang.internal.runtime;

import dev.plinth.bedrock.molang.MolangValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How Molang treats values that are not plain numbers, shared by both backends: {@code null} stands for "nothing"
 * (an unset variable, a missing entity), which reads as 0 and is what {@code ??} replaces.
 */
public final class Values {

    private Values() {
    }

    /**
     * A value as a number.
     *
     * @param value the value
     * @return a number's value; 0 for nothing and for anything else
     */
    public static double number(@Nullable MolangValue value) {
        return value == null ? 0 : value.asNumber();
    }

    /**
     * Whether a value counts as true for {@code !}, {@code &&}, {@code ||} and {@code ?}.
     *
     * @param value the value
     * @return a number other than 0, a non-empty string or array, any entity; {@code false} for nothing
     */
    public static boolean truth(@Nullable MolangValue value) {
        return switch (value) {
            case null -> false;
            case MolangValue.Number n -> n.value() != 0;
            case MolangValue.Text t -> !t.value().isEmpty();
            case MolangValue.Entity e -> true;
            case MolangValue.Array a -> !a.elements().isEmpty();
        };
    }

    /**
     * Whether a string counts as true.
     *
     * @param text the string
     * @return {@code true} when it is not empty; {@code false} for nothing
     */
    public static boolean truth(@Nullable String text) {
        return text != null && !text.isEmpty();
    }

    /**
     * A value as a string, for a {@code ==} between strings.
     *
     * @param value the value
     * @return a string's characters, or null for anything else
     */
    public static @Nullable String text(@Nullable MolangValue value) {
        return value instanceof MolangValue.Text(String text) ? text : null;
    }

    /**
     * {@code ==} between two values: numbers by value, strings by their characters (case kept), entities by
     * identity, arrays element by element; nothing equals 0; values of different kinds differ.
     *
     * @param a one value
     * @param b the other
     * @return {@code true} when equal
     */
    public static boolean equal(@Nullable MolangValue a, @Nullable MolangValue b) {
        MolangValue left = a == null ? MolangValue.ZERO : a;
        MolangValue right = b == null ? MolangValue.ZERO : b;
        return switch (left) {
            case MolangValue.Number n -> right instanceof MolangValue.Number m && n.value() == m.value();
            case MolangValue.Entity e -> right instanceof MolangValue.Entity f
                    && e.context().target() == f.context().target();
            default -> left.equals(right);
        };
    }

    /**
     * {@code ==} between a value and a number.
     *
     * @param value the value
     * @param number the number
     * @return {@code true} when the value is that number (nothing counts as 0)
     */
    public static boolean equalNumber(@Nullable MolangValue value, double number) {
        return value == null ? number == 0 : value instanceof MolangValue.Number n && n.value() == number;
    }

    /**
     * {@code ==} between a value and a string.
     *
     * @param value the value
     * @param text the string
     * @return {@code true} when the value is that string
     */
    public static boolean equalText(@Nullable MolangValue value, @Nullable String text) {
        return value instanceof MolangValue.Text t && t.value().equals(text);
    }

    /**
     * A number as a value.
     *
     * @param number the number
     * @return the value
     */
    public static MolangValue box(double number) {
        return new MolangValue.Number(number);
    }

    /**
     * A string as a value.
     *
     * @param text the string, null for nothing
     * @return the value, or null
     */
    public static @Nullable MolangValue box(@Nullable String text) {
        return text == null ? null : new MolangValue.Text(text);
    }

    /**
     * A value, nothing made 0, for callers that need a value.
     *
     * @param value the value
     * @return the value, or {@link MolangValue#ZERO}
     */
    public static MolangValue orZero(@Nullable MolangValue value) {
        return value == null ? MolangValue.ZERO : value;
    }

    /**
     * {@code array[index]}: the index is rounded down, a negative one counts as 0, and one past the end wraps
     * around, as in Bedrock.
     *
     * @param array the array
     * @param index the index
     * @return the element, or nothing when the value is no array or is empty
     */
    public static @Nullable MolangValue element(@Nullable MolangValue array, double index) {
        if (!(array instanceof MolangValue.Array(List<MolangValue> elements)) || elements.isEmpty()) {
            return null;
        }
        double i = Math.floor(index);
        int at = i > 0 && i < Integer.MAX_VALUE ? (int) i : 0;
        return elements.get(at % elements.size());
    }

    /**
     * The context of an entity value, for {@code ->}.
     *
     * @param value the value
     * @param engine the runtime evaluating
     * @return the entity's context, or null when the value is no entity of that runtime
     */
    public static @Nullable ContextImpl entity(@Nullable MolangValue value, MolangEngine engine) {
        if (value instanceof MolangValue.Entity(var context) && context instanceof ContextImpl c
                && c.engine == engine) {
            return c;
        }
        return null;
    }

    /**
     * The elements {@code for_each} walks.
     *
     * @param value the value
     * @return the array's elements, or none for anything else
     */
    public static List<MolangValue> elements(@Nullable MolangValue value) {
        return value instanceof MolangValue.Array(List<MolangValue> elements) ? elements : List.of();
    }
}
