package dev.plinth.core.sandbox.values;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The count of one conversion, made by {@link ValueBounds#budget}: a converter calls {@link #node} for every value it
 * visits, {@link #bytes} for every string, and {@link #enter} / {@link #exit} around every table. Each call refuses
 * what goes past a bound with a {@link ValueLimitException} before the converter allocates more.
 *
 * <p>Confined to the converting thread.
 */
@ProviderType
public interface ValueBudget {

    /**
     * Counts one value.
     *
     * @throws ValueLimitException past {@link ValueBounds#maxNodes()}
     */
    void node();

    /**
     * Counts the bytes of a string or key.
     *
     * @param count its length in bytes
     * @throws ValueLimitException past {@link ValueBounds#maxBytes()}
     */
    void bytes(long count);

    /**
     * Enters a table.
     *
     * @throws ValueLimitException past {@link ValueBounds#maxDepth()}
     */
    void enter();

    /** Leaves a table. */
    void exit();

    /** Charges what is left to charge; call it when the conversion is done (also when it failed). */
    void finish();

    /**
     * How many values were counted so far.
     *
     * @return the count
     */
    long nodes();
}
