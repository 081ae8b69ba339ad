package dev.plinth.lang.wasm.internal.meter;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fuel one WebAssembly resource may spend: a budget per call, by {@link CallKind} (the released MC-RS manifest
 * sets them apart: {@code fuel_per_event}, {@code fuel_per_command}, {@code fuel_per_task}, {@code fuel_on_enable}),
 * and a budget per server tick that all of the resource's calls in that tick share ({@code max_fuel_per_tick}).
 * One unit of fuel is one WebAssembly instruction (see {@link FuelInstrumenter}).
 *
 * @param perCall the budget of one call, by kind; every kind has one
 * @param perTick the budget of all calls within one tick
 */
public record FuelLimits(Map<CallKind, Long> perCall, long perTick) {

    /** Validates and copies the components. */
    public FuelLimits {
        var copy = new EnumMap<CallKind, Long>(CallKind.class);
        copy.putAll(Objects.requireNonNull(perCall, "perCall"));
        for (CallKind kind : CallKind.values()) {
            Long budget = copy.get(kind);
            if (budget == null || budget <= 0) {
                throw new IllegalArgumentException("the fuel per call of kind " + kind + " must be positive, not "
                        + budget);
            }
        }
        if (perTick <= 0) {
            throw new IllegalArgumentException("the fuel per tick must be positive, not " + perTick);
        }
        perCall = Map.copyOf(copy);
    }

    /**
     * Limits with one budget for every kind of call but the start.
     *
     * @param call the budget of a handler, command, task or call
     * @param start the budget of instantiation, {@code on_enable} and {@code on_disable}
     * @param perTick the budget of a tick
     * @return the limits
     */
    public static FuelLimits of(long call, long start, long perTick) {
        var perCall = new EnumMap<CallKind, Long>(CallKind.class);
        for (CallKind kind : CallKind.values()) {
            perCall.put(kind, kind == CallKind.START || kind == CallKind.STOP ? start : call);
        }
        return new FuelLimits(perCall, perTick);
    }

    /**
     * The budget of one call.
     *
     * @param kind the kind of call
     * @return its budget
     */
    public long budget(CallKind kind) {
        return perCall.get(kind);
    }

    /**
     * These limits with another budget for one kind of call.
     *
     * @param kind the kind
     * @param budget its budget
     * @return the new limits
     */
    public FuelLimits with(CallKind kind, long budget) {
        var copy = new EnumMap<CallKind, Long>(perCall);
        copy.put(kind, budget);
        return new FuelLimits(copy, perTick);
    }

    /**
     * These limits with another budget per tick.
     *
     * @param budget the budget of a tick
     * @return the new limits
     */
    public FuelLimits withPerTick(long budget) {
        return new FuelLimits(perCall, budget);
    }
}
