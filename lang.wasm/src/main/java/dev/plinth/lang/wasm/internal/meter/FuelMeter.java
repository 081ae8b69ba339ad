package dev.plinth.lang.wasm.internal.meter;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.GlobalFactory;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.TrapException;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Payer;
import dev.plinth.core.sandbox.call.CallBracket;
import dev.plinth.core.sandbox.watchdog.Watch;
import dev.plinth.lang.wasm.internal.failure.GuestLimit;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The account of one module instance's calls: fills its fuel cell before a call and reads what is left after it,
 * in the sandbox's {@link CallBracket} of the resource, which finds who pays, caps the budget by the payer's tick,
 * watches the wall clock and charges the call's fuel and time once at its end. The module spends the fuel itself
 * (see {@link FuelInstrumenter}); host functions spend it for the work they do on the module's behalf
 * ({@link #charge}).
 *
 * <p>Nested calls (the module calls the host, which calls the module again) share the outermost call's fuel and
 * bound. A call made by the game is capped by what is left of the tick's budget of the resource that pays for it
 * (the resource whose call caused this one, when there is one: {@link Payer}; else the resource's own account): when
 * that is the smaller, running out of fuel is a {@link GuestLimit#TICK_FUEL} offence of the payer, otherwise a
 * {@link GuestLimit#CALL_FUEL} one of the resource.
 *
 * <p>Confined to the thread of the call in progress (the instance's calls are serialized by its owner).
 */
public final class FuelMeter {

    private final long[] budgets;
    private final long[] bounds;
    private final CallBracket bracket;
    private @Nullable FuelCell fuel;

    private boolean causedWork;
    private long allocated;
    private long lastUsed;

    /**
     * Creates the account of one instance.
     *
     * @param limits the fuel budgets
     * @param bounds the wall-clock bounds: of a call, of the start, of the stop
     * @param ticks the number of the server's current tick
     * @param account the resource's account
     * @param watch the resource's wall-clock watch
     */
    public FuelMeter(FuelLimits limits, Bounds bounds, LongSupplier ticks, Account account, Watch watch) {
        this.budgets = new long[CallKind.values().length];
        this.bounds = new long[CallKind.values().length];
        for (CallKind kind : CallKind.values()) {
            budgets[kind.ordinal()] = limits.budget(kind);
            Duration bound = switch (kind) {
                case START -> bounds.start();
                case STOP -> bounds.stop();
                default -> bounds.call();
            };
            this.bounds[kind.ordinal()] = Math.max(1, bound.toNanos());
        }
        this.bracket = CallBracket.open(account, watch, ticks);
    }

    /**
     * The wall-clock bounds of a resource's calls.
     *
     * @param call a handler, command, task or other export
     * @param start instantiation and {@code on_enable}
     * @param stop {@code on_disable}
     */
    public record Bounds(Duration call, Duration start, Duration stop) {}

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
     * Starts a call: fills the fuel cell with its budget (the call's, or what is left of the payer's tick when that
     * is less) and starts its watch, in the resource's call bracket, unless it is nested in a call in progress.
     *
     * @param kind what the call is for
     */
    public void enter(CallKind kind) {
        boolean outermost = !bracket.active();
        int index = kind.ordinal();
        long budget = bracket.enter(budgets[index], kind.tickBound(), bounds[index]);
        if (outermost) {
            causedWork = false;
            allocated = 0;
            FuelCell cell = fuel;
            if (cell != null) {
                cell.set(budget); // else the module is being instantiated: the cell gets the start budget when bound
            }
        }
    }

    /**
     * Ends a call: stops its watch and charges it (its fuel, its time, the memory it grew) in the call bracket.
     *
     * @return whether this was the outermost call
     */
    public boolean exit() {
        FuelCell cell = fuel;
        long used = cell == null ? 0 : bracket.budget() - Math.max(0, cell.get());
        if (!bracket.exit(used, allocated)) {
            return false;
        }
        lastUsed = used;
        return true;
    }

    /**
     * Counts memory the current call made the module allocate (its linear memory created or grown), charged with the
     * call when it ends.
     *
     * @param bytes the bytes; nothing when not positive
     */
    public void allocated(long bytes) {
        if (bytes > 0) {
            allocated += bytes;
        }
    }

    /**
     * Spends fuel for work a host function does for the module (copying, converting, searching).
     *
     * @param units the fuel
     * @throws TrapException when the fuel runs out: the call ends as if the module had run out itself
     * @throws ChicoryInterruptedException when the watchdog is interrupting the call: it ends as if the module's
     *     code had been interrupted
     */
    public void charge(long units) {
        // a host function working long for the module stops where Chicory's checks would
        if (bracket.watch().overran()) {
            throw new ChicoryInterruptedException("interrupted in a host function");
        }
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

    /** {@return whether the watchdog is interrupting the call in progress} */
    public boolean overran() {
        return bracket.watch().overran();
    }

    /** {@return the limit the current call's budget stands for} */
    public GuestLimit budgetLimit() {
        return bracket.tickCapped() ? GuestLimit.TICK_FUEL : GuestLimit.CALL_FUEL;
    }

    /**
     * The wall-clock bound of a kind of call.
     *
     * @param kind the kind
     * @return the bound, in nanoseconds, at least 1
     */
    public long boundNanos(CallKind kind) {
        return bounds[kind.ordinal()];
    }

    /** {@return the budget of the current (or last) outermost call} */
    public long budget() {
        return bracket.budget();
    }

    /** {@return the tick the current (or last) outermost call ran in} */
    public long tick() {
        return bracket.tick();
    }

    /** {@return the fuel the last outermost call spent} */
    public long lastUsed() {
        return lastUsed;
    }

    /**
     * Runs a host function that acts on the game (it may post events, whose handlers in other resources run on this
     * thread) with the resource as the payer of what it causes, unless a payer is bound already.
     *
     * @param <T> the result type
     * @param action the host function's work
     * @return what it returned
     */
    public <T> T asPayer(Supplier<T> action) {
        causedWork = true;
        return bracket.asPayer(action);
    }

    /** {@return whether the current (or last) outermost call ran host functions that act on the game} */
    public boolean causedWork() {
        return causedWork;
    }

    /** {@return whether a call is in progress} */
    public boolean active() {
        return bracket.active();
    }

    /** {@return the account that pays for the current (or last) outermost call} */
    public Account payer() {
        return bracket.payer();
    }

    /** {@return the resource's own account} */
    public Account account() {
        return bracket.account();
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
