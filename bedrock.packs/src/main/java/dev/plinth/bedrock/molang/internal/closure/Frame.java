package dev.plinth.bedrock.molang.internal.closure;

import dev.plinth.bedrock.molang.MolangValue;
import dev.plinth.bedrock.molang.internal.runtime.ContextImpl;
import org.jspecify.annotations.Nullable;

/** The state of one evaluation in the tree backend: its contexts, temporaries, iteration budget and return value. */
final class Frame {

    /** The context the evaluation was called with: {@code this}, {@code context.*}, the random source. */
    final ContextImpl call;
    /** The entity queries and {@code variable.*} read: the call's, or another on the right of {@code ->}. */
    ContextImpl entity;
    /** Number temporaries, by number. */
    final double[] numbers;
    /** Other temporaries, by number. */
    final @Nullable MolangValue[] values;
    /** Loop iterations left. */
    int budget;
    /** What {@code return} returned, in number mode. */
    double returnedNumber;
    /** What {@code return} returned, in value mode. */
    @Nullable MolangValue returnedValue;

    Frame(ContextImpl call, int temporaries, int budget) {
        this.call = call;
        this.entity = call;
        this.numbers = new double[temporaries];
        this.values = new MolangValue[temporaries];
        this.budget = budget;
    }
}
