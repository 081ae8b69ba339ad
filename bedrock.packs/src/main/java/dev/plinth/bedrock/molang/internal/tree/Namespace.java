package dev.plinth.bedrock.molang.internal.tree;

/** Where a Molang variable lives. */
public enum Namespace {
    /** {@code variable.} / {@code v.}: the entity's, kept between evaluations. */
    VARIABLE("variable"),
    /** {@code temp.} / {@code t.}: the evaluation's own. */
    TEMP("temp"),
    /** {@code context.} / {@code c.}: set by the host for one call, read-only. */
    CONTEXT("context");

    private final String prefix;

    Namespace(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The long name, as diagnostics show it.
     *
     * @return {@code variable}, {@code temp} or {@code context}
     */
    public String prefix() {
        return prefix;
    }
}
