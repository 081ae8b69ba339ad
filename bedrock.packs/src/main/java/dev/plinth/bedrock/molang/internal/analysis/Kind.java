package dev.plinth.bedrock.molang.internal.analysis;

/**
 * What an expression yields, known at compile time: the backends keep numbers as primitive doubles and strings as
 * strings, and fall back to {@link dev.plinth.bedrock.molang.MolangValue} objects only for {@link #VALUE}.
 */
public enum Kind {
    /** Always a number. */
    NUMBER,
    /** Always a string. */
    TEXT,
    /** Anything, or nothing (null). */
    VALUE
}
