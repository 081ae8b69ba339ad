package dev.plinth.bedrock.molang.internal.closure;

import dev.plinth.bedrock.molang.MolangValue;
import org.jspecify.annotations.Nullable;

/** The lambdas a tree of code is made of, one kind per way a node can be evaluated. */
final class Code {

    private Code() {
    }

    /** A node evaluated as a number. */
    @FunctionalInterface
    interface OfNumber {
        double run(Frame frame);
    }

    /** A node evaluated as a value (null for nothing). */
    @FunctionalInterface
    interface OfValue {
        @Nullable MolangValue run(Frame frame);
    }

    /** A node evaluated as a string (null for nothing). */
    @FunctionalInterface
    interface OfText {
        @Nullable String run(Frame frame);
    }

    /** A node evaluated as a condition. */
    @FunctionalInterface
    interface OfTruth {
        boolean run(Frame frame);
    }
}
