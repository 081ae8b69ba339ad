package dev.plinth.lang.js.internal.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.core.sandbox.limits.ResolvedLimits;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import dev.plinth.lang.js.internal.engine.JsLimits;
import java.util.function.Consumer;

/**
 * The JavaScript host's own settings, the {@code js} object of {@code conf/server.json}: the statement budgets per
 * call ({@code statements_per_call}) and per tick ({@code statements_per_tick}). Everything every host shares
 * (wall-clock bounds, memory, offences, tasks, the log rate, value bounds) is the {@code sandbox} object's, read by
 * core.sandbox.
 *
 * @param statementsPerCall the statements one call may run
 * @param statementsPerTick the statements all of a resource's calls within one tick may run
 */
public record HostSettings(long statementsPerCall, long statementsPerTick) {

    /** The defaults: 2 million statements per call, 5 million per tick. */
    public static final HostSettings DEFAULTS =
            new HostSettings(JsLimits.defaults().statementsPerCall(), JsLimits.defaults().statementsPerTick());

    /**
     * Reads the {@code js} object of the instance's {@code conf/server.json}.
     *
     * @param sandbox the sandbox settings, which hold the file's sections
     * @param errors told what is wrong when the object is invalid (the defaults are used then)
     * @return the settings
     */
    public static HostSettings read(SandboxSettings sandbox, Consumer<String> errors) {
        try {
            return parse(sandbox.section("js"), "conf/server.json");
        } catch (IllegalArgumentException e) {
            errors.accept(e.getMessage() + "; the JavaScript host uses its defaults");
            return DEFAULTS;
        }
    }

    /**
     * Reads a {@code js} object.
     *
     * @param js the object (a missing node gives the defaults)
     * @param source where it comes from, for messages
     * @return the settings
     * @throws IllegalArgumentException when a value is not a positive whole number, naming the file and key
     */
    public static HostSettings parse(JsonNode js, String source) {
        return new HostSettings(positive(js, "statements_per_call", DEFAULTS.statementsPerCall(), source),
                positive(js, "statements_per_tick", DEFAULTS.statementsPerTick(), source));
    }

    private static long positive(JsonNode js, String key, long fallback, String source) {
        JsonNode value = js.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToLong() || value.asLong() <= 0) {
            throw new IllegalArgumentException(source + ": js." + key + " must be a positive whole number, not "
                    + value);
        }
        return value.asLong();
    }

    /**
     * The limits of one resource: the sandbox's (its manifest's {@code max_memory_mb} and the caps applied), the
     * statement budget per call, and the manifest's {@code max_fuel_per_tick} as its statement budget per tick, else
     * this default.
     *
     * @param resolved the resource's limits, resolved by core.sandbox
     * @return its JavaScript limits
     */
    public JsLimits limitsFor(ResolvedLimits resolved) {
        return new JsLimits(resolved.limits(), statementsPerCall, resolved.workPerTick().orElse(statementsPerTick));
    }
}
