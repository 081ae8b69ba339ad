package dev.plinth.core.sandbox.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Several results of one call: what a {@link HostFunction} returns for Lua's {@code value, err} convention (a
 * language without multiple results sees the first one), and what a Lua function returning several values gives.
 *
 * @param values the results, {@code null} for nil
 */
public record ScriptResults(List<@Nullable Object> values) {

    /** Copies the values, keeping the {@code null}s. */
    public ScriptResults {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * Several results.
     *
     * @param values the results, {@code null} for nil
     * @return them
     */
    public static ScriptResults of(@Nullable Object... values) {
        return new ScriptResults(Arrays.asList(values));
    }
}
