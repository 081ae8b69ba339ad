package dev.plinth.lang.wasm.internal.meter;

import com.dylibso.chicory.runtime.GlobalFactory;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.TrapException;
import dev.plinth.lang.wasm.internal.failure.GuestLimit;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The fuel account of one module instance: fills the module's fuel global before a call, reads what is left after
 * it, and keeps the tick's budget. The module spends the fuel itself (see {@link FuelInstrumenter}); host functions
 * spend it for the work they do on the module's behalf ({@link #charge}).
 *
 * <p>Nested calls (the module calls the host, which calls the module again) share the outermost call's fuel. A call
 * made by the game is capped by what is left of the tick's budget: when that is the smaller, running out of fuel is
 * a {@link GuestLimit#TICK_FUEL} offence, otherwise a {@link GuestLimit#CALL_FUEL} one.
 *
 * <p>Confined to the thread of the call in progress (the instance's calls are serialized by its owner).
 */
public final class FuelMeter {

    private final long[] budgets;
    private final long perTick;
    private final LongSupplier ticks;
    private @Nullable FuelCell fuel;

    private int depth;
    private long budget;
    private GuestLimit budgetLimit = GuestLimit.CALL_FUEL;
    private long tick = Long.MIN_VALUE;
    private long tickLeft;
    private long lastUsed;

    /**
     * Creates the account.
     *
     * @param limits the budgets
     * @param ticks the number of the server's current tick
     */
    public FuelMeter(FuelLimits limits, LongSupplier ticks) {
        this.budgets = new long[CallKind.values().length];
        for (CallKind kind : CallKind.values()) {
            budgets[kind.ordinal()] = limits.budget(kind);
        }
        this.perTick = limits.perTick();
        this.ticks = Objects.requireNonNull(ticks, "ticks");
    }

    /**
     * The global factory an instance is built with: it creates the module's globals as Chicory would, and keeps the
     * fuel global as the fuel cell, unless a compiled module's own cell was {@linkplain #bind bound} before. The
     * cell starts with the start budget (the module's start function runs while it is instantiated).
     *
     * @param fuelGlobal the fuel global's index among the module's own (not imported) globals
     * @return the factory
     */
    public GlobalFactory globals(int fuelGlobal) {
        int[] created = {0};
        return (value, high, type, mutability) -> {
            var global = new GlobalInstance(value, high, type, mutability);
            if (created[0]++ == fuelGlobal && fuel == null) {
                bind(new GlobalCell(global));
            }
            return global;
        };
    }

    /**
     * Keeps the fuel in a cell, filled with the start budget.
     *
     * @param cell the cell the module's code spends from
     */
    public void bind(FuelCell cell) {
        cell.set(budgets[CallKind.START.ordinal()]);
        fuel = cell;
    }

    /**
     * Starts a call: fills the fuel global with its budget, unless it is nested in a call in progress.
     *
     * @param kind what the call is for
     */
    public void enter(CallKind kind) {
        if (depth++ > 0) {
            return;
        }
        long callBudget = budgets[kind.ordinal()];
        if (kind.tickBound()) {
            long now = ticks.getAsLong();
            if (now != tick) {
                tick = now;
                tickLeft = perTick;
            }
            if (tickLeft < callBudget) {
                budgetLimit = GuestLimit.TICK_FUEL;
                budget = Math.max(0, tickLeft);
            } else {
                budgetLimit = GuestLimit.CALL_FUEL;
                budget = callBudget;
            }
        } else {
            budgetLimit = GuestLimit.CALL_FUEL;
            budget = callBudget;
        }
        fuelCell().set(budget);
    }

    /**
     * Ends a call.
     *
     * @param kind what the call was for
     * @return whether this was the outermost call (its fuel is accounted)
     */
    public boolean exit(CallKind kind) {
        if (--depth > 0) {
            return false;
        }
        long left = fuelCell().get();
        lastUsed = budget - Math.max(0, left);
        if (kind.tickBound()) {
            tickLeft -= lastUsed;
        }
        return true;
    }

    /**
     * Spends fuel for work a host function does for the module (copying, converting, searching).
     *
     * @param units the fuel
     * @throws TrapException when the fuel runs out: the call ends as if the module had run out itself
     */
    public void charge(long units) {
        FuelCell cell = fuelCell();
        long left = cell.get() - units;
        cell.set(left);
        if (left < 0) {
            throw new TrapException("fuel exhausted in a host function");
        }
    }

    /** {@return whether the call in progress (or the last one) ran out of fuel} */
    public boolean exhausted() {
        return fuel != null && fuel.get() < 0;
    }

    /** {@return the limit the current call's budget stands for} */
    public GuestLimit budgetLimit() {
        return budgetLimit;
    }

    /** {@return the budget of the current (or last) outermost call} */
    public long budget() {
        return budget;
    }

    /** {@return the fuel the last outermost call spent} */
    public long lastUsed() {
        return lastUsed;
    }

    /** {@return whether a call is in progress} */
    public boolean active() {
        return depth > 0;
    }

    private FuelCell fuelCell() {
        FuelCell cell = fuel;
        if (cell == null) {
            throw new IllegalStateException("the module is not instantiated with this meter's fuel cell");
        }
        return cell;
    }

    /** The fuel global of the metered module as the cell. */
    private record GlobalCell(GlobalInstance global) implements FuelCell {
        @Override
        public long get() {
            return global.getValue();
        }

        @Override
        public void set(long value) {
            global.setValue(value);
        }
    }
}
