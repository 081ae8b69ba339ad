package dev.plinth.lang.lua.internal.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.core.sandbox.limits.ResolvedLimits;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Lua host's own settings, the {@code lua} object of {@code conf/server.json}: how chunks run ({@code compiler}:
 * {@code luajc} or {@code interpreter}) and the Lua budgets of every resource ({@code instructions_per_call},
 * {@code instructions_per_tick}, {@code instructions_per_start}, {@code max_call_depth}, {@code max_coroutines}) and
 * the bounds of LuaJC ({@code compile_timeout_ms}, {@code max_compiled_function_size}).
 * The limits every host shares are the {@code sandbox} object's. Missing keys keep their defaults.
 *
 * @param compiled whether chunks are compiled with LuaJC (falling back to the interpreter where that fails)
 * @param limits the default limits
 * @param compileTimeout how long LuaJC may take for one chunk
 * @param maxCompiledFunctionSize the longest function, in Lua instructions, LuaJC is given
 */
public record HostSettings(boolean compiled, Limits limits, Duration compileTimeout, int maxCompiledFunctionSize) {

    /** The defaults: LuaJC, {@link Limits#defaults()}, 2 s per chunk, functions of up to 1,000 instructions. */
    public static final HostSettings DEFAULTS = new HostSettings(true, Limits.defaults(), Duration.ofSeconds(2), 1000);

    /**
     * The settings of this framework's {@code conf/server.json}, read now (the file may have changed): its defaults,
     * told to the caller, when the {@code lua} object is malformed.
     *
     * @param sandbox the sandbox settings, holding the file's objects
     * @param errors told what is wrong, once per call
     * @return the settings
     */
    public static HostSettings read(SandboxSettings sandbox, Consumer<String> errors) {
        try {
            return parse(sandbox.section("lua"), sandbox.defaults(), "conf/server.json");
        } catch (IllegalArgumentException e) {
            errors.accept(e.getMessage() + "; the Lua host uses its defaults");
            return new HostSettings(true, Limits.defaults().withSandbox(sandbox.defaults()), DEFAULTS.compileTimeout(),
                    DEFAULTS.maxCompiledFunctionSize());
        }
    }

    /**
     * Reads a {@code lua} object.
     *
     * @param lua the object (a missing node gives the defaults)
     * @param sandbox the shared limits of the instance
     * @param source where it comes from, for messages
     * @return the settings
     * @throws IllegalArgumentException when a value is of the wrong kind
     */
    public static HostSettings parse(JsonNode lua, SandboxLimits sandbox, String source) {
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
                (int) Math.min(Integer.MAX_VALUE, number(lua, "max_call_depth", d.maxCallDepth(), source)),
                (int) Math.min(Integer.MAX_VALUE, number(lua, "max_coroutines", d.maxCoroutines(), source)),
                sandbox);
        return new HostSettings(compiler.equals("luajc"), limits,
                Duration.ofMillis(number(lua, "compile_timeout_ms", DEFAULTS.compileTimeout().toMillis(), source)),
                (int) Math.min(Integer.MAX_VALUE, number(lua, "max_compiled_function_size",
                        DEFAULTS.maxCompiledFunctionSize(), source)));
    }

    /**
     * The limits of one resource: these defaults, with what its manifest asked for once validated and capped
     * ({@code max_memory_mb}, {@code max_fuel_per_tick}).
     *
     * @param resolved the manifest's limits, resolved by the sandbox settings
     * @return the resource's limits
     */
    public Limits limitsFor(ResolvedLimits resolved) {
        Limits result = limits.withSandbox(resolved.limits());
        if (resolved.workPerTick().isPresent()) {
            result = result.withInstructionsPerTick(resolved.workPerTick().getAsLong());
        }
        return result;
    }

    private static long number(JsonNode lua, String key, long fallback, String source) {
        JsonNode value = lua.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
            throw new IllegalArgumentException(source + ": lua." + key + " must be a positive whole number, not " + value);
        }
        return value.asLong();
    }
}
