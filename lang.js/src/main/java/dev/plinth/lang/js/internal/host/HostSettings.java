package dev.plinth.lang.js.internal.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.lang.js.internal.engine.JsLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The JavaScript host's settings, the {@code js} object of {@code conf/server.json}: the default limits of every
 * JavaScript resource. Missing keys keep their defaults.
 *
 * @param limits the default limits
 */
public record HostSettings(JsLimits limits) {

    /** The defaults: {@link JsLimits#defaults()}. */
    public static final HostSettings DEFAULTS = new HostSettings(JsLimits.defaults());

    /**
     * Reads the {@code js} object of a {@code server.json}.
     *
     * @param file the file; a missing file gives the defaults
     * @return the settings
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when a value is not a positive whole number, naming the file and key
     */
    public static HostSettings read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        return parse(new ObjectMapper().readTree(file.toFile()).path("js"), file.toString());
    }

    /**
     * Reads a {@code js} object.
     *
     * @param js the object (a missing node gives the defaults)
     * @param source where it comes from, for messages
     * @return the settings
     * @throws IllegalArgumentException when a value is not a positive whole number
     */
    public static HostSettings parse(JsonNode js, String source) {
        JsLimits d = JsLimits.defaults();
        return new HostSettings(new JsLimits(
                number(js, "statements_per_tick", d.statementsPerTick(), source),
                Duration.ofMillis(number(js, "call_timeout_ms", d.callTimeout().toMillis(), source)),
                Duration.ofMillis(number(js, "start_timeout_ms", d.startTimeout().toMillis(), source)),
                number(js, "max_memory_mb", d.maxCallAllocationBytes() / JsLimits.MIB, source) * JsLimits.MIB,
                (int) number(js, "max_offences", d.maxOffences(), source)));
    }

    /**
     * The limits of one resource: these defaults, with what its manifest asks for ({@code max_memory_mb},
     * {@code max_fuel_per_tick} as the statement budget per tick).
     *
     * @param declared the manifest's limits
     * @return the resource's limits
     */
    public JsLimits limitsFor(ResourceLimits declared) {
        JsLimits result = limits;
        if (declared.maxMemoryMb().isPresent()) {
            result = result.withMaxMemoryMb(declared.maxMemoryMb().getAsLong());
        }
        if (declared.maxFuelPerTick().isPresent()) {
            result = result.withStatementsPerTick(declared.maxFuelPerTick().getAsLong());
        }
        return result;
    }

    private static long number(JsonNode js, String key, long fallback, String source) {
        JsonNode value = js.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToLong() || value.asLong() <= 0) {
            throw new IllegalArgumentException(source + ": js." + key + " must be a positive whole number, not " + value);
        }
        return value.asLong();
    }
}
