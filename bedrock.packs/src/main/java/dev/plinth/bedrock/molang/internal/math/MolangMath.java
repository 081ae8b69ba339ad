package dev.plinth.bedrock.molang.internal.math;

import dev.plinth.bedrock.molang.internal.runtime.Iterations;
import java.util.random.RandomGenerator;

/**
 * The {@code math.} functions of Molang, as static methods compiled code calls directly. Angles are in degrees,
 * as in Bedrock. The easing functions live in {@link Easing}.
 */
public final class MolangMath {

    private MolangMath() {
    }

    /**
     * {@code math.abs}.
     *
     * @param x the value
     * @return its absolute value
     */
    public static double abs(double x) {
        return Math.abs(x);
    }

    /**
     * {@code math.acos}.
     *
     * @param x the cosine
     * @return the angle in degrees
     */
    public static double acos(double x) {
        return Math.toDegrees(Math.acos(x));
    }

    /**
     * {@code math.asin}.
     *
     * @param x the sine
     * @return the angle in degrees
     */
    public static double asin(double x) {
        return Math.toDegrees(Math.asin(x));
    }

    /**
     * {@code math.atan}.
     *
     * @param x the tangent
     * @return the angle in degrees
     */
    public static double atan(double x) {
        return Math.toDegrees(Math.atan(x));
    }

    /**
     * {@code math.atan2}.
     *
     * @param y the y
     * @param x the x
     * @return the angle of (x, y) in degrees
     */
    public static double atan2(double y, double x) {
        return Math.toDegrees(Math.atan2(y, x));
    }

    /**
     * {@code math.ceil}.
     *
     * @param x the value
     * @return the smallest integer not below it
     */
    public static double ceil(double x) {
        return Math.ceil(x);
    }

    /**
     * {@code math.clamp}: the value, moved into [min, max].
     *
     * @param x the value
     * @param min the lower bound
     * @param max the upper bound
     * @return the clamped value (min when min > max)
     */
    public static double clamp(double x, double min, double max) {
        return x < min ? min : x > max ? max : x;
    }

    /**
     * {@code math.cos}.
     *
     * @param degrees the angle
     * @return its cosine
     */
    public static double cos(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }

    /**
     * {@code math.sin}.
     *
     * @param degrees the angle
     * @return its sine
     */
    public static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }

    /**
     * {@code math.exp}.
     *
     * @param x the exponent
     * @return e to the x
     */
    public static double exp(double x) {
        return Math.exp(x);
    }

    /**
     * {@code math.floor}.
     *
     * @param x the value
     * @return the largest integer not above it
     */
    public static double floor(double x) {
        return Math.floor(x);
    }

    /**
     * {@code math.hermite_blend}: 3t² - 2t³.
     *
     * @param t the value
     * @return the blend
     */
    public static double hermiteBlend(double t) {
        return t * t * (3 - 2 * t);
    }

    /**
     * {@code math.lerp}.
     *
     * @param start the value at 0
     * @param end the value at 1
     * @param t where between them
     * @return start + (end - start) * t
     */
    public static double lerp(double start, double end, double t) {
        return start + (end - start) * t;
    }

    /**
     * {@code math.lerprotate}: interpolates between two angles the short way round.
     *
     * @param start the angle at 0, in degrees
     * @param end the angle at 1
     * @param t where between them
     * @return the angle
     */
    public static double lerprotate(double start, double end, double t) {
        return start + minAngle(end - start) * t;
    }

    /**
     * {@code math.inverse_lerp}: where a value lies between two others.
     *
     * @param start the value of 0
     * @param end the value of 1
     * @param value the value
     * @return (value - start) / (end - start), 0 when start and end are equal
     */
    public static double inverseLerp(double start, double end, double value) {
        return start == end ? 0 : (value - start) / (end - start);
    }

    /**
     * {@code math.ln}.
     *
     * @param x the value
     * @return its natural logarithm
     */
    public static double ln(double x) {
        return Math.log(x);
    }

    /**
     * {@code math.max}.
     *
     * @param a one value
     * @param b the other
     * @return the larger
     */
    public static double max(double a, double b) {
        return Math.max(a, b);
    }

    /**
     * {@code math.min}.
     *
     * @param a one value
     * @param b the other
     * @return the smaller
     */
    public static double min(double a, double b) {
        return Math.min(a, b);
    }

    /**
     * {@code math.min_angle}: an angle brought into [-180, 180).
     *
     * @param degrees the angle
     * @return the same direction, from -180 (included) to 180 (excluded)
     */
    public static double minAngle(double degrees) {
        double a = (degrees + 180) % 360;
        if (a < 0) {
            a += 360;
        }
        return a - 180;
    }

    /**
     * {@code math.mod}: the remainder of a division, with the sign of the dividend (C's fmod).
     *
     * @param a the dividend
     * @param b the divisor
     * @return a mod b
     */
    public static double mod(double a, double b) {
        return a % b;
    }

    /**
     * {@code math.pi}.
     *
     * @return π
     */
    public static double pi() {
        return Math.PI;
    }

    /**
     * {@code math.pow}.
     *
     * @param base the base
     * @param exponent the exponent
     * @return base to the exponent
     */
    public static double pow(double base, double exponent) {
        return Math.pow(base, exponent);
    }

    /**
     * {@code math.round}: halves away from zero, as C's round.
     *
     * @param x the value
     * @return the nearest integer
     */
    public static double round(double x) {
        return Math.copySign(Math.floor(Math.abs(x) + 0.5), x);
    }

    /**
     * {@code math.sqrt}.
     *
     * @param x the value
     * @return its square root
     */
    public static double sqrt(double x) {
        return Math.sqrt(x);
    }

    /**
     * {@code math.trunc}: drops the fraction.
     *
     * @param x the value
     * @return the integer part, toward zero
     */
    public static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /**
     * {@code math.sign}.
     *
     * @param x the value
     * @return -1, 0 or 1
     */
    public static double sign(double x) {
        return Math.signum(x);
    }

    /**
     * {@code math.copy_sign}.
     *
     * @param magnitude the size
     * @param sign whose sign
     * @return |magnitude| with that sign
     */
    public static double copySign(double magnitude, double sign) {
        return Math.copySign(magnitude, sign);
    }

    /**
     * {@code math.random}: a random number between two bounds.
     *
     * @param random the source
     * @param low one bound (included)
     * @param high the other (excluded)
     * @return the number
     */
    public static double random(RandomGenerator random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    /**
     * {@code math.random_integer}: a random integer between two bounds, both included.
     *
     * @param random the source
     * @param low one bound
     * @param high the other
     * @return the integer
     */
    public static double randomInteger(RandomGenerator random, double low, double high) {
        double lo = Math.floor(Math.min(low, high));
        double hi = Math.floor(Math.max(low, high));
        return Math.min(hi, lo + Math.floor(random.nextDouble() * (hi - lo + 1)));
    }

    /**
     * {@code math.die_roll}: the sum of random numbers.
     *
     * @param random the source
     * @param count how many, rounded down, at most {@link Iterations#MAX}
     * @param low one bound of each
     * @param high the other
     * @return the sum
     */
    public static double dieRoll(RandomGenerator random, double count, double low, double high) {
        double sum = 0;
        for (int i = Iterations.count(count); i > 0; i--) {
            sum += random(random, low, high);
        }
        return sum;
    }

    /**
     * {@code math.die_roll_integer}: the sum of random integers.
     *
     * @param random the source
     * @param count how many, rounded down, at most {@link Iterations#MAX}
     * @param low one bound of each (included)
     * @param high the other (included)
     * @return the sum
     */
    public static double dieRollInteger(RandomGenerator random, double count, double low, double high) {
        double sum = 0;
        for (int i = Iterations.count(count); i > 0; i--) {
            sum += randomInteger(random, low, high);
        }
        return sum;
    }
}
