package dev.plinth.bedrock.molang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.molang.internal.math.MathFunction;
import dev.plinth.bedrock.molang.internal.math.MolangMath;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every {@code math.} function, with Bedrock's units (degrees). */
class MathTest {

    private static final double EPSILON = 1e-9;
    private Backends molang;

    @BeforeEach
    void setUp() {
        molang = new Backends(MolangQueries.none(), new Object());
    }

    private void check(double expected, String source) {
        assertEquals(expected, molang.number(source), EPSILON, source);
    }

    @Test
    void trigonometryIsInDegrees() {
        check(0.5, "math.sin(30)");
        check(-1, "math.cos(180)");
        check(90, "math.acos(0)");
        check(90, "math.asin(1)");
        check(45, "math.atan(1)");
        check(90, "math.atan2(1, 0)");
        check(-135, "math.atan2(-1, -1)");
    }

    @Test
    void roundingFunctionsFollowC() {
        check(2, "math.ceil(1.2)");
        check(-2, "math.floor(-1.5)");
        check(3, "math.round(2.5)");
        check(-3, "math.round(-2.5)");
        check(1, "math.round(1.4)");
        check(-1, "math.trunc(-1.7)");
        check(1, "math.mod(7, 3)");
        check(-1, "math.mod(-7, 3)");
    }

    @Test
    void theOtherFunctionsComputeWhatTheirNamesSay() {
        check(3, "math.abs(-3)");
        check(3, "math.clamp(5, 0, 3)");
        check(0, "math.clamp(-1, 0, 3)");
        check(1, "math.exp(0)");
        check(0, "math.ln(1)");
        check(0.5, "math.hermite_blend(0.5)");
        check(0.104, "math.hermite_blend(0.2)");
        check(2.5, "math.lerp(0, 10, 0.25)");
        check(360, "math.lerprotate(350, 10, 0.5)");
        check(0.25, "math.inverse_lerp(0, 10, 2.5)");
        check(3, "math.max(2, 3)");
        check(2, "math.min(2, 3)");
        check(-90, "math.min_angle(270)");
        check(170, "math.min_angle(-190)");
        check(-180, "math.min_angle(180)");
        check(Math.PI, "math.pi");
        check(Math.PI, "Math.PI()");
        check(1024, "math.pow(2, 10)");
        check(4, "math.sqrt(16)");
        check(-1, "math.sign(-3)");
        check(-3, "math.copy_sign(3, -1)");
    }

    /** The bytecode backend calls a function's static method, the tree backend its lambda: they are one code. */
    @Test
    void eachFunctionsStaticMethodComputesWhatItsLambdaDoes() throws ReflectiveOperationException {
        double[] samples = {-2.5, -1, 0, 0.25, 1, 30, 370};
        for (MathFunction function : MathFunction.values()) {
            String method = function.method();
            if (method == null) {
                continue;
            }
            int arity = function.arity() + (function.isRandom() ? 1 : 0);
            var parameters = new Class<?>[arity];
            Arrays.fill(parameters, double.class);
            if (function.isRandom()) {
                parameters[0] = RandomGenerator.class;
            }
            Method target = MolangMath.class.getMethod(method, parameters);
            assertTrue(Modifier.isStatic(target.getModifiers()), method);
            assertEquals(double.class, target.getReturnType(), method);
            if (function.isRandom()) {
                continue;
            }
            for (double a : samples) {
                for (double b : samples) {
                    double[] arguments = {a, b, (a + b) / 2};
                    Object[] boxed = new Object[arity];
                    for (int i = 0; i < arity; i++) {
                        boxed[i] = arguments[i];
                    }
                    assertEquals(function.apply(null, arguments), (double) target.invoke(null, boxed), 0,
                            function.molangName() + Arrays.toString(boxed));
                }
            }
        }
    }

    @Test
    void easingsRunFromStartToEnd() {
        check(2.5, "math.ease_in_quad(0, 10, 0.5)");
        check(7.5, "math.ease_out_quad(0, 10, 0.5)");
        check(0.0625, "math.ease_in_out_cubic(0, 1, 0.25)");
        var eases = MathFunction.values().stream().filter(f -> f.molangName().startsWith("ease_")).toList();
        assertEquals(30, eases.size());
        for (MathFunction ease : eases) {
            check(2, "math." + ease.molangName() + "(2, 5, 0)");
            check(5, "math." + ease.molangName() + "(2, 5, 1)");
        }
    }

    @Test
    void randomFunctionsStayInTheirRangesAndUseTheContextsSource() {
        for (int i = 0; i < molang.runtimes().size(); i++) {
            Molang runtime = molang.runtimes().get(i);
            MolangContext context = molang.contexts().get(i);
            context.setRandom(new SplittableRandom(42));
            var integers = new HashSet<Double>();
            for (int draw = 0; draw < 300; draw++) {
                double r = runtime.compile("math.random(1, 2)").evaluate(context);
                assertTrue(r >= 1 && r < 2, "random " + r);
                integers.add(runtime.compile("math.random_integer(1, 3)").evaluate(context));
                double roll = runtime.compile("math.die_roll(3, 1, 2)").evaluate(context);
                assertTrue(roll >= 3 && roll <= 6, "die_roll " + roll);
                double dice = runtime.compile("Math.Die_Roll_Integer(2, 1, 6)").evaluate(context);
                assertTrue(dice >= 2 && dice <= 12 && dice == Math.floor(dice), "die_roll_integer " + dice);
            }
            assertEquals(java.util.Set.of(1.0, 2.0, 3.0), integers);
        }
        double[] seeded = new double[molang.runtimes().size()];
        for (int i = 0; i < seeded.length; i++) {
            molang.contexts().get(i).setRandom(new SplittableRandom(7));
            seeded[i] = molang.runtimes().get(i).compile("math.random(0, 100)").evaluate(molang.contexts().get(i));
        }
        for (double v : seeded) {
            assertEquals(seeded[0], v, "the same seed gives the same number in every backend");
        }
    }

    @Test
    void diceRollsCountAgainstTheIterationLimit() {
        MolangException e = molang.failure("loop(1024, { loop(64, { math.die_roll(1024, 0, 1); }); });");
        assertEquals(MolangErrorCode.ITERATION_LIMIT, e.code());
    }

    @Test
    void unknownFunctionsAndWrongCountsAreCompileErrors() {
        MolangException unknown = molang.failure("1 + math.foo(1)");
        assertEquals(MolangErrorCode.UNKNOWN_FUNCTION, unknown.code());
        assertEquals("molang: 1:5: unknown function 'math.foo' in \"1 + math.foo(1)\"", unknown.getMessage());
        MolangException count = molang.failure("math.sin(1, 2)");
        assertEquals(MolangErrorCode.WRONG_ARGUMENT_COUNT, count.code());
        assertEquals("math.sin takes 1 argument, not 2", count.detail());
        assertEquals("math.clamp takes 3 arguments, not 0", molang.failure("math.clamp").detail());
        assertTrue(unknown instanceof MolangCompileException);
    }
}
