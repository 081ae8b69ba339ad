package dev.plinth.bedrock.molang;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A value a Molang expression computes when it does not compute a plain number: a string, another entity (the
 * left side of {@code ->}), or an array (what {@code for_each} walks).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface MolangValue {

    /** Zero, the value of everything Molang cannot compute (an unknown query, an unset variable). */
    MolangValue ZERO = new Number(0);

    /**
     * This value as a number: itself for a number, 0 for anything else.
     *
     * @return the number
     */
    double asNumber();

    /**
     * A number; {@code true} and {@code false} are 1 and 0.
     *
     * @param value the number
     */
    record Number(double value) implements MolangValue {
        @Override
        public double asNumber() {
            return value;
        }

        /** Formats as Molang prints numbers: {@code 1}, {@code 0.5}, {@code -2.25}. */
        @Override
        public String toString() {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return Double.toString(value);
        }
    }

    /**
     * A string, written {@code 'like this'} in Molang; also a resource reference such as {@code geometry.default}.
     *
     * @param value the characters, case kept
     */
    record Text(String value) implements MolangValue {
        /**
         * Validates the value.
         *
         * @throws NullPointerException when it is null
         */
        public Text {
            requireNonNull(value, "value");
        }

        @Override
        public double asNumber() {
            return 0;
        }

        @Override
        public String toString() {
            return "'" + value + "'";
        }
    }

    /**
     * Another entity, as a context its queries and variables are read from ({@code context.other->query.health}).
     *
     * @param context the entity's context
     */
    record Entity(MolangContext context) implements MolangValue {
        /**
         * Validates the value.
         *
         * @throws NullPointerException when it is null
         */
        public Entity {
            requireNonNull(context, "context");
        }

        @Override
        public double asNumber() {
            return 0;
        }

        @Override
        public String toString() {
            return "entity " + context.target();
        }
    }

    /**
     * A list of values, such as the entities {@code query.get_nearby_entities} returns.
     *
     * @param elements the elements, copied
     */
    record Array(List<MolangValue> elements) implements MolangValue {
        /**
         * Copies the elements.
         *
         * @throws NullPointerException when the list or an element is null
         */
        public Array {
            elements = List.copyOf(elements);
        }

        @Override
        public double asNumber() {
            return 0;
        }

        @Override
        public String toString() {
            return elements.toString();
        }
    }
}
