package dev.plinth.core.sandbox.internal.values;

import dev.plinth.core.sandbox.values.ValueBounds;
import dev.plinth.core.sandbox.values.ValueBudget;
import dev.plinth.core.sandbox.values.ValueLimitException;
import java.util.function.LongConsumer;

/** The {@link ValueBudget} of one conversion: plain counters. Confined to the converting thread. */
public final class CountingBudget implements ValueBudget {

    private static final long BATCH = 1024;

    private final ValueBounds bounds;
    private final String resource;
    private final String what;
    private final LongConsumer charge;
    private long nodes;
    private long bytes;
    private int depth;
    private long uncharged;

    /**
     * Starts counting.
     *
     * @param bounds the bounds
     * @param resource the resource, for messages
     * @param what the value, for messages
     * @param charge told the work done, in batches
     */
    public CountingBudget(ValueBounds bounds, String resource, String what, LongConsumer charge) {
        this.bounds = bounds;
        this.resource = resource;
        this.what = what;
        this.charge = charge;
    }

    @Override
    public void node() {
        if (++nodes > bounds.maxNodes()) {
            throw refused("holds more than " + bounds.maxNodes() + " values (shared tables count each time they "
                    + "appear)");
        }
        work(1);
    }

    @Override
    public void bytes(long count) {
        bytes += count;
        if (bytes > bounds.maxBytes()) {
            throw refused("holds more than " + bounds.maxBytes() + " bytes of text");
        }
        work(count / 64);
    }

    @Override
    public void enter() {
        if (++depth > bounds.maxDepth()) {
            throw refused("is nested more than " + bounds.maxDepth() + " levels deep (or refers to itself)");
        }
    }

    /** Leaves a table. */
    public void exit() {
        depth--;
    }

    /** Charges what is left to charge; call it when the conversion is done. */
    public void finish() {
        if (uncharged > 0) {
            long units = uncharged;
            uncharged = 0;
            charge.accept(units);
        }
    }

    @Override
    public long nodes() {
        return nodes;
    }

    private void work(long units) {
        uncharged += units;
        if (uncharged >= BATCH) {
            finish();
        }
    }

    private ValueLimitException refused(String why) {
        return new ValueLimitException(resource, resource + ": " + what + " " + why);
    }
}
