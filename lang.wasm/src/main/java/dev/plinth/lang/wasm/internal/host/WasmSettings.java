package dev.plinth.lang.wasm.internal.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import java.util.Locale;

/**
 * The WebAssembly host's own settings, the {@code wasm} object of {@code conf/server.json}: how modules run
 * ({@code compiler}: {@code compiler}, Chicory's compiler to JVM bytecode with its interpreter as the fallback, or
 * {@code interpreter}) and the fuel of every plugin ({@code fuel_per_call}, {@code fuel_per_tick},
 * {@code fuel_on_enable}). The limits every host shares (wall clock, memory, offences, tasks) are the
 * {@code sandbox} object's. Missing keys keep their defaults.
 *
 * @param compiled whether modules are compiled to JVM bytecode
 * @param fuelPerCall the fuel a handler, command, task or exported function call may spend
 * @param fuelPerTick the fuel all of a plugin's calls within one tick may spend
 * @param fuelOnEnable the fuel of instantiation, {@code on_enable} and {@code on_disable}
 */
public record WasmSettings(boolean compiled, long fuelPerCall, long fuelPerTick, long fuelOnEnable) {

    /** The defaults: compiled, a million instructions per call, two per tick, ten for the start. */
    public static final WasmSettings DEFAULTS = new WasmSettings(true, 1_000_000, 2_000_000, 10_000_000);

    /**
     * Reads a {@code wasm} object.
     *
     * @param wasm the object (a missing node gives the defaults)
     * @param source where it comes from, for messages
     * @return the settings
     * @throws IllegalArgumentException when a value is of the wrong kind, naming the file and the key
     */
    public static WasmSettings parse(JsonNode wasm, String source) {
        String compiler = wasm.path("compiler").asText("compiler").toLowerCase(Locale.ROOT);
        if (!compiler.equals("compiler") && !compiler.equals("interpreter")) {
            throw new IllegalArgumentException(source + ": wasm.compiler must be \"compiler\" or \"interpreter\", not \""
                    + compiler + "\"");
        }
        return new WasmSettings(compiler.equals("compiler"),
                number(wasm, "fuel_per_call", DEFAULTS.fuelPerCall(), source),
                number(wasm, "fuel_per_tick", DEFAULTS.fuelPerTick(), source),
                number(wasm, "fuel_on_enable", DEFAULTS.fuelOnEnable(), source));
    }

    /** {@return the fuel limits of a plugin that asks for nothing} */
    public FuelLimits fuel() {
        return FuelLimits.of(fuelPerCall, fuelOnEnable, fuelPerTick);
    }

    private static long number(JsonNode wasm, String key, long fallback, String source) {
        JsonNode value = wasm.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
            throw new IllegalArgumentException(source + ": wasm." + key + " must be a positive whole number, not "
                    + value);
        }
        return value.asLong();
    }
}
