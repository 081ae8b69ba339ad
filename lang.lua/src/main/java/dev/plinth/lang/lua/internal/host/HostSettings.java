package dev.plinth.lang.lua.internal.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Lua host's settings, the {@code lua} object of {@code conf/server.json}: how chunks run ({@code compiler}:
 * {@code luajc} or {@code interpreter}) and the default limits of every Lua resource. Missing keys keep their
 * defaults; other modules' keys are ignored.
 *
 * @param compiled whether chunks are compiled with LuaJC (falling back to the interpreter where that fails)
 * @param limits the default limits
 */
public record HostSettings(boolean compiled, Limits limits) {

    /** The defaults: LuaJC and {@link Limits#defaults()}. */
    public static final HostSettings DEFAULTS = new HostSettings(true, Limits.defaults());

    /**
     * Reads the {@code lua} object of a {@code server.json}.
     *
     * @param file the file; a missing file gives the defaults
     * @return the settings
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when a value is of the wrong kind, naming the file and key
     */
    public static HostSettings read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        return parse(new ObjectMapper().readTree(file.toFile()).path("lua"), file.toString());
    }

    /**
     * Reads a {@code lua} object.
     *
     * @param lua the object (a missing node gives the defaults)
     * @param source where it comes from, for messages
     * @return the settings
     * @throws IllegalArgumentException when a value is of the wrong kind
     */
    public static HostSettings parse(JsonNode lua, String source) {
        Limits d = DEFAULTS.limits();
        String compiler = lua.path("compiler").asText("luajc").toLowerCase(Locale.ROOT);
        if (!compiler.equals("luajc") && !compiler.equals("interpreter")) {
            throw new IllegalArgumentException(source + ": lua.compiler must be \"luajc\" or \"interpreter\", not \""
                    + compiler + "\"");
        }
        var limits = new Limits(
                number(lua, "instructions_per_call", d.instructionsPerCall(), source),
                number(lua, "instructions_per_tick", d.instructionsPerTick(), source),
                number(lua, "instructions_per_start", d.instructionsPerStart(), source),
                number(lua, "max_memory_mb", d.maxMemoryBytes() / Limits.MIB, source) * Limits.MIB,
                (int) number(lua, "max_offences", d.maxOffences(), source),
                (int) number(lua, "max_call_depth", d.maxCallDepth(), source),
                (int) number(lua, "max_coroutines", d.maxCoroutines(), source));
        return new HostSettings(compiler.equals("luajc"), limits);
    }

    /**
     * The limits of one resource: these defaults, with what its manifest asks for ({@code max_memory_mb},
     * {@code max_fuel_per_tick}).
     *
     * @param declared the manifest's limits
     * @return the resource's limits
     */
    public Limits limitsFor(ResourceLimits declared) {
        Limits result = limits;
        if (declared.maxMemoryMb().isPresent()) {
            result = result.withMaxMemoryMb(declared.maxMemoryMb().getAsLong());
        }
        if (declared.maxFuelPerTick().isPresent()) {
            result = result.withInstructionsPerTick(declared.maxFuelPerTick().getAsLong());
        }
        return result;
    }

    private static long number(JsonNode lua, String key, long fallback, String source) {
        JsonNode value = lua.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToLong() || value.asLong() <= 0) {
            throw new IllegalArgumentException(source + ": lua." + key + " must be a positive whole number, not " + value);
        }
        return value.asLong();
    }
}
