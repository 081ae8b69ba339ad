package dev.plinth.bedrock.molang.internal.closure;

/**
 * {@code break}, {@code continue} and {@code return} in the tree backend: thrown through the lambdas to the loop or
 * the program that handles them. Shared instances without stack traces, so a jump costs no allocation.
 */
final class Jump extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final Jump BREAK = new Jump("break");
    static final Jump CONTINUE = new Jump("continue");
    static final Jump RETURN = new Jump("return");

    private Jump(String name) {
        super(name, null, false, false);
    }
}
