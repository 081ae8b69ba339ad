package dev.plinth.bedrock.molang.internal.jvm;

/**
 * An expression the bytecode backend does not compile (a {@code break} inside an operand, a method past the JVM's
 * 64 KiB): the tree backend runs it instead.
 */
final class Unsupported extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Unsupported(String reason) {
        super(reason, null, false, false);
    }
}
