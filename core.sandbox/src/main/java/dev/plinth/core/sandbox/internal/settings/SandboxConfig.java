package dev.plinth.core.sandbox.internal.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.plinth.core.sandbox.limits.DeclaredLimits;
import dev.plinth.core.sandbox.limits.InvalidLimitsException;
import dev.plinth.core.sandbox.limits.ResolvedLimits;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.core.sandbox.values.ValueBounds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.OptionalLong;

/**
 * What the {@code sandbox} object of one reading of {@code conf/server.json} says, and the whole file for the hosts'
 * own sections. Immutable.
 *
 * @param root the whole file (a missing node when there is none)
 * @param defaults the limits of a resource that asks for nothing
 * @param memoryCapMb {@code max_memory_mb_cap}: the most a manifest's {@code max_memory_mb} gets
 * @param fuelCap {@code max_fuel_per_tick_cap}: the most a manifest's {@code max_fuel_per_tick} gets
 * @param heapGuardPercent {@code heap_guard_percent}: the share of the heap, after a collection, past which the
 *     resource that keeps the most is stopped
 * @param memoryCheck {@code memory_check_ms}: how often retained memory is measured
 */
public record SandboxConfig(JsonNode root, SandboxLimits defaults, long memoryCapMb, long fuelCap,
        int heapGuardPercent, Duration memoryCheck) {

    /** The defaults, without a file. */
    public static final SandboxConfig DEFAULTS = new SandboxConfig(MissingNode.getInstance(), SandboxLimits.DEFAULTS,
            256, 100_000_000, 85, Duration.ofSeconds(1));

    /**
     * Reads a {@code server.json}.
     *
     * @param root the parsed file
     * @param source where it comes from, for messages
     * @return the settings
     * @throws IllegalArgumentException when a value is of the wrong kind, naming the file and key
     */
    public static SandboxConfig parse(JsonNode root, String source) {
        JsonNode sandbox = root.path("sandbox");
        var reader = new Reader(sandbox, source);
        SandboxLimits d = DEFAULTS.defaults();
        ValueBounds v = d.values();
        var limits = new SandboxLimits(
                Duration.ofMillis(reader.number("call_timeout_ms", d.callTimeout().toMillis(), Integer.MAX_VALUE)),
                Duration.ofMillis(reader.number("start_timeout_ms", d.startTimeout().toMillis(), Integer.MAX_VALUE)),
                Duration.ofMillis(reader.number("stop_timeout_ms", d.stopTimeout().toMillis(), Integer.MAX_VALUE)),
                reader.number("max_memory_mb", d.maxRetainedBytes() / SandboxLimits.MIB, 1 << 20) * SandboxLimits.MIB,
                reader.number("max_call_alloc_mb", d.maxCallAllocBytes() / SandboxLimits.MIB, 1 << 20)
                        * SandboxLimits.MIB,
                (int) reader.number("max_offences", d.maxOffences(), Integer.MAX_VALUE),
                (int) reader.number("max_tasks", d.maxTasks(), Integer.MAX_VALUE),
                (int) reader.number("log_lines_per_second", d.logLinesPerSecond(), Integer.MAX_VALUE),
                reader.number("max_config_kb", d.maxConfigBytes() / 1024, 1 << 30) * 1024,
                new ValueBounds((int) reader.number("max_value_depth", v.maxDepth(), 10_000),
                        reader.number("max_value_count", v.maxNodes(), Long.MAX_VALUE / 2),
                        reader.number("max_value_kb", v.maxBytes() / 1024, 1L << 30) * 1024));
        return new SandboxConfig(root, limits, reader.number("max_memory_mb_cap", DEFAULTS.memoryCapMb(), 1 << 20),
                reader.number("max_fuel_per_tick_cap", DEFAULTS.fuelCap(), Long.MAX_VALUE / 2),
                (int) reader.number("heap_guard_percent", DEFAULTS.heapGuardPercent(), 99),
                Duration.ofMillis(reader.number("memory_check_ms", DEFAULTS.memoryCheck().toMillis(), 3_600_000)));
    }

    /**
     * Validates a manifest's requests and applies them, capped.
     *
     * @param resource the resource
     * @param manifest its manifest file
     * @param declared what it asks for
     * @return its limits
     * @throws InvalidLimitsException for a value that is no limit
     */
    public ResolvedLimits resolve(String resource, String manifest, DeclaredLimits declared) {
        var notes = new ArrayList<String>();
        SandboxLimits limits = defaults;
        if (declared.maxMemoryMb().isPresent()) {
            long asked = check(resource, manifest, "max_memory_mb", declared.maxMemoryMb().getAsLong());
            long granted = cap(resource, manifest, "max_memory_mb", asked, memoryCapMb, "max_memory_mb_cap", notes);
            limits = limits.withMaxRetainedBytes(granted * SandboxLimits.MIB);
        }
        OptionalLong work = OptionalLong.empty();
        if (declared.maxFuelPerTick().isPresent()) {
            long asked = check(resource, manifest, "max_fuel_per_tick", declared.maxFuelPerTick().getAsLong());
            work = OptionalLong.of(cap(resource, manifest, "max_fuel_per_tick", asked, fuelCap,
                    "max_fuel_per_tick_cap", notes));
        }
        return new ResolvedLimits(limits, work, notes);
    }

    private static long check(String resource, String manifest, String field, long value) {
        if (value <= 0) {
            throw new InvalidLimitsException(resource, resource + ": " + manifest + ", field 'resources." + field
                    + "': " + value + " is not a limit; use a whole number of at least 1");
        }
        return value;
    }

    private static long cap(String resource, String manifest, String field, long asked, long cap, String key,
            java.util.List<String> notes) {
        if (asked <= cap) {
            return asked;
        }
        notes.add(resource + ": " + manifest + ", field 'resources." + field + "' asks for " + asked
                + "; the server allows at most " + cap + " (sandbox." + key + " in conf/server.json)");
        return cap;
    }

    /** Reads the numbers of the {@code sandbox} object, naming the file and key in errors. */
    private record Reader(JsonNode sandbox, String source) {
        long number(String key, long fallback, long max) {
            JsonNode value = sandbox.path(key);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0 || value.asLong() > max) {
                throw new IllegalArgumentException(source + ": sandbox." + key + " must be a whole number from 1 to "
                        + max + ", not " + value);
            }
            return value.asLong();
        }
    }
}
