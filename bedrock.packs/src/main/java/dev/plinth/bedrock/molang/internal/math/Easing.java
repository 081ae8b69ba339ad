package dev.plinth.bedrock.molang.internal.math;

/**
 * The curves of the {@code math.ease_in_*}, {@code math.ease_out_*} and {@code math.ease_in_out_*} functions, the
 * usual Penner easings: each function takes (start, end, t) and returns {@code start + (end - start) * curve(t)},
 * t from 0 to 1 (not clamped). A curve defines its "in" form; its "out" form is the mirror image
 * ({@code 1 - in(1 - t)}) and its "in-out" form runs "in" over the first half and "out" over the second, except
 * where the usual formulas differ (back, elastic).
 */
public enum Easing {
    /** t². */
    QUAD {
        @Override
        public double in(double t) {
            return t * t;
        }
    },
    /** t³. */
    CUBIC {
        @Override
        public double in(double t) {
            return t * t * t;
        }
    },
    /** t⁴. */
    QUART {
        @Override
        public double in(double t) {
            return t * t * t * t;
        }
    },
    /** t⁵. */
    QUINT {
        @Override
        public double in(double t) {
            return t * t * t * t * t;
        }
    },
    /** A quarter of a cosine. */
    SINE {
        @Override
        public double in(double t) {
            return 1 - Math.cos(t * Math.PI / 2);
        }
    },
    /** 2 to the power 10(t - 1). */
    EXPO {
        @Override
        public double in(double t) {
            return t == 0 ? 0 : Math.pow(2, 10 * t - 10);
        }
    },
    /** A quarter of a circle. */
    CIRC {
        @Override
        public double in(double t) {
            return 1 - Math.sqrt(1 - t * t);
        }
    },
    /** Backs off before going, overshooting by 10%. */
    BACK {
        private static final double C1 = 1.70158;
        private static final double C2 = C1 * 1.525;

        @Override
        public double in(double t) {
            return (C1 + 1) * t * t * t - C1 * t * t;
        }

        @Override
        public double inOut(double t) {
            return t < 0.5
                    ? (Math.pow(2 * t, 2) * ((C2 + 1) * 2 * t - C2)) / 2
                    : (Math.pow(2 * t - 2, 2) * ((C2 + 1) * (t * 2 - 2) + C2) + 2) / 2;
        }
    },
    /** Oscillates like a spring. */
    ELASTIC {
        private static final double C4 = 2 * Math.PI / 3;
        private static final double C5 = 2 * Math.PI / 4.5;

        @Override
        public double in(double t) {
            return t == 0 ? 0 : t == 1 ? 1 : -Math.pow(2, 10 * t - 10) * Math.sin((t * 10 - 10.75) * C4);
        }

        @Override
        public double inOut(double t) {
            if (t == 0 || t == 1) {
                return t;
            }
            double wave = Math.sin((20 * t - 11.125) * C5);
            return t < 0.5 ? -(Math.pow(2, 20 * t - 10) * wave) / 2 : (Math.pow(2, -20 * t + 10) * wave) / 2 + 1;
        }
    },
    /** Bounces like a dropped ball (its "out" form is the ball). */
    BOUNCE {
        @Override
        public double in(double t) {
            return 1 - out(1 - t);
        }

        @Override
        public double out(double t) {
            final double n = 7.5625;
            final double d = 2.75;
            if (t < 1 / d) {
                return n * t * t;
            }
            double u = t < 2 / d ? t - 1.5 / d : t < 2.5 / d ? t - 2.25 / d : t - 2.625 / d;
            double rest = t < 2 / d ? 0.75 : t < 2.5 / d ? 0.9375 : 0.984375;
            return n * u * u + rest;
        }
    };

    /**
     * The "in" form: slow at the start.
     *
     * @param t from 0 to 1
     * @return from 0 to 1
     */
    public abstract double in(double t);

    /**
     * The "out" form: slow at the end.
     *
     * @param t from 0 to 1
     * @return from 0 to 1
     */
    public double out(double t) {
        return 1 - in(1 - t);
    }

    /**
     * The "in-out" form: slow at both ends.
     *
     * @param t from 0 to 1
     * @return from 0 to 1
     */
    public double inOut(double t) {
        return t < 0.5 ? in(2 * t) / 2 : 1 - in(2 - 2 * t) / 2;
    }

    /**
     * Blends two values along a curve.
     *
     * @param start the value at 0
     * @param end the value at 1
     * @param curve the curve's value
     * @return the blended value
     */
    public static double blend(double start, double end, double curve) {
        return start + (end - start) * curve;
    }
}
