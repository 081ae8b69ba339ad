package dev.plinth.bedrock.packs.internal.definition;

import dev.plinth.bedrock.molang.MolangExpression;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of an entity's {@code description.properties}: a named value of a type with a range or a list of values and
 * a default (a value or Molang, evaluated when the entity spawns). Immutable.
 *
 * @param name its name ({@code custom:phase})
 * @param type bool, int, float or enum
 * @param min the lowest int or float
 * @param max the highest int or float
 * @param values an enum's values
 * @param defaultValue the default as Molang (bool, int, float)
 * @param defaultText the default of an enum
 */
public record PropertyDefinition(String name, Type type, double min, double max, List<String> values,
        Optional<MolangExpression> defaultValue, Optional<String> defaultText) {

    /** Copies the values. */
    public PropertyDefinition {
        values = List.copyOf(values);
    }

    /** The types of property. */
    public enum Type {
        /** true or false. */
        BOOL,
        /** a whole number in a range. */
        INT,
        /** a number in a range. */
        FLOAT,
        /** one of a list of names. */
        ENUM;

        /** {@return the name as packs write it} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Brings a number into the property's range and type.
     *
     * @param value the number
     * @return the property's value
     */
    public double clamp(double value) {
        return switch (type) {
            case BOOL -> value != 0 ? 1 : 0;
            case INT -> Math.clamp(Math.round(value), (long) min, (long) max);
            case FLOAT -> Math.clamp(value, min, max);
            case ENUM -> Math.clamp(Math.round(value), 0, values.size() - 1);
        };
    }

    /**
     * The property's value as Molang and filters read it.
     *
     * @param stored the stored number (an enum's index)
     * @return a {@code Boolean}, a {@code Double} or a {@code String}
     */
    public Object read(double stored) {
        return switch (type) {
            case BOOL -> stored != 0;
            case INT, FLOAT -> stored;
            case ENUM -> values.get((int) stored);
        };
    }
}
