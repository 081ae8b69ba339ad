package dev.plinth.bedrock.molang.internal.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A {@code math.} function: its Molang name and its implementation, one of the functional types below, which
 * both backends call (the bytecode backend through a constant, which the JIT inlines). The random functions take
 * the context's {@link RandomGenerator} first; the dice ({@link RandomTernary}) take a count first, whose rolls
 * count against the evaluation's iteration limit.
 *
 * @param molangName the name without {@code math.}, for example {@code die_roll_integer}
 * @param method the static method of {@link MolangMath} that is the implementation (same parameters), which the
 *     bytecode backend calls directly (no constant to hold), or null for a lambda (the easings)
 * @param implementation a {@link DoubleSupplier}, {@link DoubleUnaryOperator}, {@link DoubleBinaryOperator},
 *     {@link Ternary}, {@link RandomBinary} or {@link RandomTernary}
 */
public record MathFunction(String molangName, @Nullable String method, Object implementation) {

    private static final List<MathFunction> ALL = all();
    private static final Map<String, MathFunction> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(MathFunction::molangName, f -> f));

    private static List<MathFunction> all() {
        var all = new ArrayList<>(List.of(
            new MathFunction("abs", "abs", (DoubleUnaryOperator) MolangMath::abs),
            new MathFunction("acos", "acos", (DoubleUnaryOperator) MolangMath::acos),
            new MathFunction("asin", "asin", (DoubleUnaryOperator) MolangMath::asin),
            new MathFunction("atan", "atan", (DoubleUnaryOperator) MolangMath::atan),
            new MathFunction("atan2", "atan2", (DoubleBinaryOperator) MolangMath::atan2),
            new MathFunction("ceil", "ceil", (DoubleUnaryOperator) MolangMath::ceil),
            new MathFunction("clamp", "clamp", (Ternary) MolangMath::clamp),
            new MathFunction("copy_sign", "copySign", (DoubleBinaryOperator) MolangMath::copySign),
            new MathFunction("cos", "cos", (DoubleUnaryOperator) MolangMath::cos),
            new MathFunction("die_roll", "dieRoll", (RandomTernary) MolangMath::dieRoll),
            new MathFunction("die_roll_integer", "dieRollInteger", (RandomTernary) MolangMath::dieRollInteger),
            new MathFunction("exp", "exp", (DoubleUnaryOperator) MolangMath::exp),
            new MathFunction("floor", "floor", (DoubleUnaryOperator) MolangMath::floor),
            new MathFunction("hermite_blend", "hermiteBlend", (DoubleUnaryOperator) MolangMath::hermiteBlend),
            new MathFunction("inverse_lerp", "inverseLerp", (Ternary) MolangMath::inverseLerp),
            new MathFunction("lerp", "lerp", (Ternary) MolangMath::lerp),
            new MathFunction("lerprotate", "lerprotate", (Ternary) MolangMath::lerprotate),
            new MathFunction("ln", "ln", (DoubleUnaryOperator) MolangMath::ln),
            new MathFunction("max", "max", (DoubleBinaryOperator) MolangMath::max),
            new MathFunction("min", "min", (DoubleBinaryOperator) MolangMath::min),
            new MathFunction("min_angle", "minAngle", (DoubleUnaryOperator) MolangMath::minAngle),
            new MathFunction("mod", "mod", (DoubleBinaryOperator) MolangMath::mod),
            new MathFunction("pi", "pi", (DoubleSupplier) MolangMath::pi),
            new MathFunction("pow", "pow", (DoubleBinaryOperator) MolangMath::pow),
            new MathFunction("random", "random", (RandomBinary) MolangMath::random),
            new MathFunction("random_integer", "randomInteger", (RandomBinary) MolangMath::randomInteger),
            new MathFunction("round", "round", (DoubleUnaryOperator) MolangMath::round),
            new MathFunction("sign", "sign", (DoubleUnaryOperator) MolangMath::sign),
            new MathFunction("sin", "sin", (DoubleUnaryOperator) MolangMath::sin),
            new MathFunction("sqrt", "sqrt", (DoubleUnaryOperator) MolangMath::sqrt),
            new MathFunction("trunc", "trunc", (DoubleUnaryOperator) MolangMath::trunc)));
        for (Easing curve : Easing.values()) {
            String name = curve.name().toLowerCase(Locale.ROOT);
            all.add(new MathFunction("ease_in_" + name, null,
                    (Ternary) (s, e, t) -> Easing.blend(s, e, curve.in(t))));
            all.add(new MathFunction("ease_out_" + name, null,
                    (Ternary) (s, e, t) -> Easing.blend(s, e, curve.out(t))));
            all.add(new MathFunction("ease_in_out_" + name, null,
                    (Ternary) (s, e, t) -> Easing.blend(s, e, curve.inOut(t))));
        }
        return List.copyOf(all);
    }

    /** A function of three numbers. */
    @FunctionalInterface
    public interface Ternary {
        /**
         * Computes the function.
         *
         * @param a the first argument
         * @param b the second
         * @param c the third
         * @return the value
         */
        double apply(double a, double b, double c);
    }

    /** A random function of two numbers. */
    @FunctionalInterface
    public interface RandomBinary {
        /**
         * Computes the function.
         *
         * @param random the source
         * @param a the first argument
         * @param b the second
         * @return the value
         */
        double apply(RandomGenerator random, double a, double b);
    }

    /** A random function of a count and two numbers. */
    @FunctionalInterface
    public interface RandomTernary {
        /**
         * Computes the function.
         *
         * @param random the source
         * @param count how many rolls
         * @param a the second argument
         * @param b the third
         * @return the value
         */
        double apply(RandomGenerator random, double count, double a, double b);
    }

    /**
     * Every function.
     *
     * @return the functions, easings last
     */
    public static List<MathFunction> values() {
        return ALL;
    }

    /**
     * Finds a function.
     *
     * @param name the name without {@code math.}, lower case
     * @return the function, or empty when Molang has none of that name
     */
    public static Optional<MathFunction> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * How many number arguments it takes.
     *
     * @return from 0 to 3
     */
    public int arity() {
        return switch (implementation) {
            case DoubleSupplier s -> 0;
            case DoubleUnaryOperator u -> 1;
            case DoubleBinaryOperator b -> 2;
            case RandomBinary r -> 2;
            default -> 3;
        };
    }

    /**
     * Whether it reads the random source; such a call is never folded into a constant.
     *
     * @return {@code true} for {@code random}, {@code random_integer}, {@code die_roll}, {@code die_roll_integer}
     */
    public boolean isRandom() {
        return implementation instanceof RandomBinary || implementation instanceof RandomTernary;
    }

    /**
     * Computes the function, as the constant folder does.
     *
     * @param random the random source (unused by the others)
     * @param args the arguments, {@link #arity()} of them
     * @return the value
     */
    public double apply(@Nullable RandomGenerator random, double... args) {
        return switch (implementation) {
            case DoubleSupplier s -> s.getAsDouble();
            case DoubleUnaryOperator u -> u.applyAsDouble(args[0]);
            case DoubleBinaryOperator b -> b.applyAsDouble(args[0], args[1]);
            case RandomBinary r -> r.apply(random, args[0], args[1]);
            case Ternary t -> t.apply(args[0], args[1], args[2]);
            case RandomTernary r -> r.apply(random, args[0], args[1], args[2]);
            default -> throw new AssertionError(implementation);
        };
    }
}
