package dev.plinth.bedrock.packs.internal.definition;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A number as pack files write it: a constant ({@code 30}), a range to pick from ({@code {"range_min": 1,
 * "range_max": 3}}, {@code {"min": 1, "max": 3}}, {@code [1, 3]}), or Molang ({@code "q.variant * 10"}) evaluated
 * against the entity.
 */
public sealed interface Amount {

    /**
     * Reads an amount.
     *
     * @param value the JSON value
     * @param reading the pack being read (for Molang)
     * @return the amount
     * @throws dev.plinth.bedrock.packs.internal.json.JsonProblem when it is none of the forms
     */
    static Amount read(Json value, Reading reading) {
        if (value.isNumber()) {
            return new Constant(value.number());
        }
        if (value.isText()) {
            return new Expression(reading.expression(value));
        }
        if (value.isArray() && value.node().size() == 2) {
            return new Range(value.elements().get(0).number(), value.elements().get(1).number());
        }
        if (value.isObject()) {
            Json min = value.get("range_min").present() ? value.get("range_min") : value.get("min");
            Json max = value.get("range_max").present() ? value.get("range_max") : value.get("max");
            if (min.present() || max.present()) {
                double low = min.number(max.present() ? max.number() : 0);
                return new Range(low, max.number(low));
            }
        }
        throw value.problem("expected a number, a range or Molang, found " + value.describe());
    }

    /**
     * The value for one use.
     *
     * @param context the entity's context, for Molang; without one, Molang reads 0
     * @param random where a range picks from
     * @return the number
     */
    double value(@Nullable MolangContext context, RandomGenerator random);

    /** {@return the value when it does not depend on anything: the constant, or the middle of the range} */
    double typical();

    /**
     * A constant.
     *
     * @param value the number
     */
    record Constant(double value) implements Amount {
        @Override
        public double value(@Nullable MolangContext context, RandomGenerator random) {
            return value;
        }

        @Override
        public double typical() {
            return value;
        }
    }

    /**
     * A range: a whole number from min to max when both are whole, else any number between.
     *
     * @param min the low end
     * @param max the high end
     */
    record Range(double min, double max) implements Amount {
        @Override
        public double value(@Nullable MolangContext context, RandomGenerator random) {
            if (max <= min) {
                return min;
            }
            if (min == Math.rint(min) && max == Math.rint(max)) {
                return random.nextLong((long) min, (long) max + 1);
            }
            return random.nextDouble(min, max);
        }

        @Override
        public double typical() {
            return (min + max) / 2;
        }
    }

    /**
     * Molang, evaluated with the entity as context.
     *
     * @param expression the compiled expression
     */
    record Expression(MolangExpression expression) implements Amount {
        @Override
        public double value(@Nullable MolangContext context, RandomGenerator random) {
            return context == null ? 0 : expression.evaluate(context);
        }

        @Override
        public double typical() {
            return 0;
        }
    }
}
