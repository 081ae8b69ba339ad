package dev.plinth.benchmarks.molang;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangQueries;
import team.unnamed.mocha.runtime.binding.Binding;

/**
 * The entity every contender reads: plain fields, which Plinth's queries, the hand-written lambdas and mocha's
 * field bindings ({@code @Binding}) all read.
 */
@Binding("query")
public final class BenchMob {
    /** {@code query.life_time}. */
    @Binding("life_time")
    public double lifeTime = 0.3;
    /** {@code query.health}. */
    @Binding("health")
    public double health = 15;
    /** {@code query.max_health}. */
    @Binding("max_health")
    public double maxHealth = 20;
    /** {@code query.is_angry}. */
    @Binding("is_angry")
    public boolean angry = true;
    /** {@code query.frame_alpha}. */
    @Binding("frame_alpha")
    public double frameAlpha = 0.5;
    /** {@code query.shake_angle}. */
    @Binding("shake_angle")
    public double shakeAngle = 0.9;
    /** Other queries of the tick benchmark, by name: a value per mob. */
    public double other = 0.4;

    /** What the hand-written lambdas write where Molang writes {@code variable.*}. */
    public final HandVariables variables = new HandVariables();

    /**
     * The queries of a {@link BenchMob}, as a host registers them.
     *
     * @return the registry
     */
    public static MolangQueries queries() {
        return MolangQueries.builder()
                .withNumber("life_time", (c, a) -> mob(c).lifeTime)
                .withNumber("health", (c, a) -> mob(c).health)
                .withNumber("max_health", (c, a) -> mob(c).maxHealth)
                .withNumber("is_angry", (c, a) -> mob(c).angry ? 1 : 0)
                .withNumber("frame_alpha", (c, a) -> mob(c).frameAlpha)
                .withNumber("shake_angle", (c, a) -> mob(c).shakeAngle)
                .build();
    }

    static BenchMob mob(MolangContext context) {
        return (BenchMob) context.target();
    }

    /** The variables of the hand-written body-shake program. */
    public static final class HandVariables {
        /** {@code variable.attack_time}. */
        public double attackTime;
        /** {@code variable.body_shake_angle}. */
        public double bodyShakeAngle;
        /** {@code variable.body_roll_progress}. */
        public double bodyRollProgress;
        /** {@code variable.body_rot_z}. */
        public double bodyRotZ;
        /** {@code variable.upper_body_roll_progress}. */
        public double upperBodyRollProgress;
        /** {@code variable.upper_body_rot_z}. */
        public double upperBodyRotZ;
        /** {@code variable.tail_roll_progress}. */
        public double tailRollProgress;
        /** {@code variable.tail_rot_z}. */
        public double tailRotZ;
        /** {@code variable.head_roll_progress}. */
        public double headRollProgress;
        /** {@code variable.head_rot_z}. */
        public double headRotZ;
    }
}
