package dev.plinth.lang.wasm.internal.engine;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.GlobalFactory;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.call.CallLock;
import dev.plinth.core.sandbox.watchdog.Overrun;
import dev.plinth.lang.wasm.internal.failure.GuestBusyException;
import dev.plinth.lang.wasm.internal.failure.GuestExitException;
import dev.plinth.lang.wasm.internal.failure.GuestLimit;
import dev.plinth.lang.wasm.internal.failure.GuestLimitException;
import dev.plinth.lang.wasm.internal.failure.GuestTrapException;
import dev.plinth.lang.wasm.internal.failure.PluginException;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import dev.plinth.lang.wasm.internal.module.PreparedModule;
import dev.plinth.lang.wasm.internal.module.TableCap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One instance of a module, and the only way into its code: {@link #call}. Every call is metered (its fuel budget,
 * the tick's budget), and whatever ends it abnormally — a trap, running out of fuel, an interrupt, a stack exhausted
 * by deep recursion, a bad pointer given to the host, {@code proc_exit} — comes out as a {@link PluginException}
 * that names the export and the cause: no JVM error escapes. Such calls are offences; the resource is stopped after
 * {@code maxOffences} of them, or at once for {@code proc_exit} and a heap exhausted by the module. One call may grow
 * the linear memory by at most {@code max_call_alloc_mb}: past it, {@code memory.grow} returns -1 as at the memory's
 * maximum (the metered module checks a global the host sets as each call starts).
 *
 * <p>Threads: calls may come from any thread and are serialized by the sandbox's {@link CallLock} (a call waits at
 * most its wall-clock bound for another thread's); a host function may call back into the module on the calling thread (a nested call shares the outer call's fuel). {@link #close()} may be called from any
 * thread: it makes further calls fail.
 */
public final class Guest {

    /** WASI's initializer of reactor modules, called once after instantiation. */
    public static final String INITIALIZE = "_initialize";

    private static final long[] NO_ARGS = {};

    private final String prefix;
    private final Instance instance;
    private final @Nullable Memory memory;
    private final FuelMeter meter;
    private final int maxOffences;
    private final Consumer<PluginException> onFatal;
    private final Map<String, Export> exports = new HashMap<>();
    private final CallLock lock = new CallLock();
    private final @Nullable GlobalInstance growLimit;
    private final long growPages;
    private volatile boolean closed;

    private Guest(String prefix, Instance instance, FuelMeter meter, int maxOffences,
            Consumer<PluginException> onFatal, @Nullable GlobalInstance growLimit, long growPages) {
        this.prefix = prefix;
        this.growLimit = growLimit;
        this.growPages = growPages;
        this.instance = instance;
        this.memory = instance.memory();
        this.meter = meter;
        this.maxOffences = maxOffences;
        this.onFatal = onFatal;
        ExportSection section = instance.module().exportSection();
        for (int i = 0; i < section.exportCount(); i++) {
            exports.put(section.getExport(i).name(), section.getExport(i));
        }
    }

    /**
     * Instantiates a module: links its imports, creates its memory (capped) and its globals, runs its start
     * function and then its {@code _initialize} export, if any, with the start budget.
     *
     * @param prefix the resource and module file, for messages ({@code welcome: welcome.wasm})
     * @param module the prepared module
     * @param imports the host functions it imports, linked already
     * @param meter its fuel account
     * @param maxOffences calls ending abnormally after which the resource is stopped
     * @param maxCallAllocBytes how much one call may grow the linear memory ({@code max_call_alloc_mb}): a
     *     {@code memory.grow} past it within one call returns -1
     * @param onFatal told, once, when the resource must be stopped; called on the failing call's thread after the
     *     call ended, it must not stop the resource synchronously
     * @return the instance
     * @throws PluginException when the start function or {@code _initialize} fails
     */
    public static Guest instantiate(String prefix, PreparedModule module, ImportValues imports, FuelMeter meter,
            int maxOffences, long maxCallAllocBytes, Consumer<PluginException> onFatal) {
        int importedGlobals = module.module().importSection().count(ExternalType.GLOBAL);
        int ownFuelGlobal = module.fuelGlobal() - importedGlobals;
        int ownGrowGlobal = module.growGlobal() < 0 ? -1 : module.growGlobal() - importedGlobals;
        long growPages = Math.max(0, maxCallAllocBytes / Memory.PAGE_SIZE);
        long initialPages = module.memory().map(MemoryLimits::initialPages).orElse(0);
        GlobalFactory globals = meter.globals(ownFuelGlobal);
        int[] created = {0};
        var builder = Instance.builder(module.module())
                .withImportValues(imports)
                .withMachineFactory(instance -> {
                    var machine = module.machines().apply(instance);
                    module.fuelCell(machine).ifPresent(meter::bind);
                    return machine;
                })
                .withMemoryFactory(ByteArrayMemory::new)
                .withTableFactory(TableCap.factory(module.module()))
                .withGlobalFactory((value, high, type, mutability) -> globals.create(
                        created[0]++ == ownGrowGlobal ? initialPages + growPages : value, high, type, mutability))
                .withStart(false);
        module.memory().ifPresent(builder::withMemoryLimits);
        Instance instance;
        meter.enter(CallKind.START);
        boolean interrupted = false;
        try {
            instance = builder.build();
            meter.allocated(bytes(instance.memory()));
        } catch (ChicoryInterruptedException e) {
            interrupted = true;
            throw new GuestLimitException(prefix, "the start function", GuestLimit.WALL_CLOCK,
                    "the wall-clock bound of the start", 1, true, e);
        } catch (UninstantiableException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            boolean outOfFuel = cause instanceof TrapException && meter.exhausted();
            throw outOfFuel
                    ? new GuestLimitException(prefix, "the start function", GuestLimit.CALL_FUEL,
                            meter.budget() + " instructions", 1, true, e)
                    : new GuestTrapException(prefix, "the start function", String.valueOf(e.getMessage()), e);
        } catch (ChicoryException | StackOverflowError e) {
            throw new GuestTrapException(prefix, "the start function", trapMessage(e), e);
        } finally {
            interrupted |= meter.overran();
            meter.exit();
            if (interrupted) {
                Thread.interrupted();
            }
        }
        var guest = new Guest(prefix, instance, meter, maxOffences, onFatal,
                module.growGlobal() < 0 ? null : instance.global(module.growGlobal()), growPages);
        if (guest.exportType(INITIALIZE).isPresent()) {
            guest.call(CallKind.START, INITIALIZE);
        }
        return guest;
    }

    /** {@return the resource and module file, as messages start} */
    public String prefix() {
        return prefix;
    }

    /** {@return the module's linear memory, if it has one} */
    public Optional<Memory> memory() {
        return Optional.ofNullable(memory);
    }

    /** {@return the fuel account, for host functions that charge their work} */
    public FuelMeter meter() {
        return meter;
    }

    /**
     * The type of an exported function.
     *
     * @param name the export's name
     * @return its type, or empty when the module exports no function of that name
     */
    public Optional<FunctionType> exportType(String name) {
        Export export = exports.get(name);
        if (export == null || export.exportType() != ExternalType.FUNCTION) {
            return Optional.empty();
        }
        return Optional.of(instance.type(instance.functionType(export.index())));
    }

    /**
     * An exported function, to call through {@link #call(CallKind, String, ExportFunction, long...)}.
     *
     * @param name the export's name
     * @return the function
     * @throws IllegalArgumentException when the module exports no function of that name
     */
    public ExportFunction export(String name) {
        if (exportType(name).isEmpty()) {
            throw new IllegalArgumentException(prefix + " exports no function " + name);
        }
        return instance.export(name);
    }

    /**
     * Calls an export by name.
     *
     * @param kind what the call is for (its fuel budget)
     * @param name the export
     * @param args its arguments, as Chicory passes them
     * @return its results
     * @throws PluginException when the call ends abnormally
     * @throws IllegalArgumentException when there is no such export
     */
    public long[] call(CallKind kind, String name, long... args) {
        return call(kind, name, export(name), args);
    }

    /**
     * Calls an export, metered.
     *
     * @param kind what the call is for (its fuel budget)
     * @param name the export's name, for messages
     * @param function the export
     * @param args its arguments
     * @return its results
     * @throws PluginException when the call ends abnormally, or the resource is stopped
     */
    public long[] call(CallKind kind, String name, ExportFunction function, long... args) {
        return run(kind, name, function, args, null);
    }

    /**
     * Runs several steps in the module as one metered call: a handler that receives a string is the module's
     * allocator, a copy into its memory and the handler, under one fuel budget, one wall-clock bound and one charge.
     *
     * @param kind what the call is for (its fuel budget)
     * @param name the export it is for, for messages
     * @param steps the steps: export calls ({@link ExportFunction#apply}) and copies ({@link #write})
     * @return what the steps return
     * @throws PluginException when a step ends abnormally, or the resource is stopped
     */
    public long[] call(CallKind kind, String name, Steps steps) {
        return run(kind, name, null, NO_ARGS, steps);
    }

    /** One metered call: an export with its arguments, or steps (no capturing lambda for the plain export call). */
    private long[] run(CallKind kind, String name, @Nullable ExportFunction function, long[] args,
            @Nullable Steps steps) {
        if (closed) {
            throw new GuestTrapException(prefix, name, "the resource is stopped", new IllegalStateException());
        }
        boolean held = lock.heldByCurrentThread(); // a host function calling back into the module
        if (!held) {
            take(kind, name);
        }
        boolean outermost = !meter.active();
        long memoryBefore = outermost ? bytes(memory) : 0;
        if (outermost && growLimit != null) {
            growLimit.setValue(memoryBefore / Memory.PAGE_SIZE + growPages); // what this call may grow to
        }
        meter.enter(kind);
        boolean interrupted = false;
        try {
            return steps != null ? steps.run() : Objects.requireNonNull(function, "function").apply(args);
        } catch (PluginException e) {
            throw e; // a nested call's failure, counted there
        } catch (WasiExitException e) {
            throw fatal(new GuestExitException(prefix, name, e.exitCode(), e));
        } catch (ChicoryInterruptedException e) {
            interrupted = true;
            throw offence(name, GuestLimit.WALL_CLOCK, "the wall-clock bound of the call", e);
        } catch (OutOfMemoryError e) {
            throw fatal(new GuestLimitException(prefix, name, GuestLimit.MEMORY, "the Java heap ran out",
                    meter.account().offences(), true, e));
        } catch (RuntimeException | StackOverflowError e) {
            if (meter.exhausted()) {
                throw offence(name, meter.budgetLimit(), meter.budget() + " instructions", e);
            }
            throw trap(name, trapMessage(e), e);
        } finally {
            interrupted |= meter.overran();
            boolean caused = meter.causedWork();
            if (outermost) {
                meter.allocated(bytes(memory) - memoryBefore);
            }
            if (meter.exit() && interrupted) {
                Thread.interrupted(); // the watchdog's interrupt was for this call, never the next
            }
            if (!held) {
                lock.unlock();
            }
            if (outermost && caused) {
                offencesCaused(name);
            }
        }
    }

    /** Takes the lock for a call, waiting at most the call's wall-clock bound for the call that holds it. */
    private void take(CallKind kind, String name) {
        long bound = meter.boundNanos(kind);
        try {
            if (!lock.tryLock(bound)) {
                throw new GuestBusyException(prefix, name, "the resource is busy on another thread for longer than "
                        + TimeUnit.NANOSECONDS.toMillis(bound) + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestBusyException(prefix, name, "interrupted while waiting to run", e);
        }
    }

    /** Steps run in the module as one metered call. */
    @FunctionalInterface
    public interface Steps {
        /**
         * Runs the steps.
         *
         * @return what they return
         */
        long[] run();
    }

    /**
     * The watchdog found a call past its bound: Chicory stops it at its next function entry or loop iteration (its
     * interrupt checks); a call still running one bound later (stuck where no check reaches) stops the resource.
     * Called on the watchdog thread.
     *
     * @param overrun which call, how long it ran, how many times it was told
     */
    public void interrupted(Overrun overrun) {
        if (overrun.notice() > 1) {
            stop(new GuestLimitException(prefix, "a call", GuestLimit.WALL_CLOCK, overrun.describe()
                    + ", and did not stop when interrupted", meter.account().offences(), true,
                    new IllegalStateException(overrun.describe())));
        } else {
            overrun.thread().interrupt();
        }
    }

    /**
     * Copies bytes into memory the module gave the host (what its allocator returned). A pointer
     * outside the module's memory is the module's fault: a trap of the export that returned it, counted as an
     * offence.
     *
     * @param export the export that returned the pointer ({@code alloc}), for the message
     * @param ptr the address
     * @param data the bytes
     * @throws GuestTrapException when the range is outside the module's memory
     */
    public void write(String export, int ptr, byte[] data) {
        Memory target = memory;
        long size = target == null ? 0 : (long) target.pages() * Memory.PAGE_SIZE;
        if (target == null || Integer.toUnsignedLong(ptr) + data.length > size) {
            throw trap(export, "returned pointer " + Integer.toUnsignedString(ptr) + " for " + data.length
                    + " bytes, outside the module's memory (" + size + " bytes)", new IllegalArgumentException());
        }
        target.write(ptr, data);
    }

    /**
     * Reads a value the module returned as {@code [u32 LE length][bytes]} at a pointer, between calls. A pointer or
     * length outside the module's memory, or a length over {@link GuestMemory#MAX_VALUE_BYTES}, is the module's
     * fault: a trap of the export that returned it, counted as an offence.
     *
     * @param export the export that returned the pointer, for the message
     * @param ptr the address of the length
     * @return the bytes after the length
     * @throws GuestTrapException when the value is outside the module's memory or too long
     */
    public byte[] read(String export, int ptr) {
        Memory source = memory;
        long size = source == null ? 0 : (long) source.pages() * Memory.PAGE_SIZE;
        long start = Integer.toUnsignedLong(ptr);
        if (source == null || start + 4 > size) {
            throw trap(export, "returned pointer " + start + ", outside the module's memory (" + size + " bytes)",
                    new IllegalArgumentException());
        }
        long length = Integer.toUnsignedLong(source.readInt(ptr));
        if (length > GuestMemory.MAX_VALUE_BYTES || start + 4 + length > size) {
            throw trap(export, "returned a value of " + length + " bytes at " + start + ", outside the module's "
                    + "memory (" + size + " bytes) or over " + GuestMemory.MAX_VALUE_BYTES, new IllegalArgumentException());
        }
        return source.readBytes(ptr + 4, (int) length);
    }

    /**
     * Stops the module's code: further calls fail. A running call goes on until it returns or its thread is
     * interrupted (the watchdog's work). Any thread; idempotent.
     */
    public void close() {
        closed = true;
    }

    /** {@return whether the module was closed, or stopped for its offences} */
    public boolean isClosed() {
        return closed;
    }

    private GuestTrapException trap(String name, String message, Throwable cause) {
        var trap = new GuestTrapException(prefix, name, message, cause);
        if (meter.account().offence("trap", Long.MIN_VALUE) >= maxOffences) {
            stop(trap);
        }
        return trap;
    }

    private GuestLimitException offence(String name, GuestLimit limit, String detail, Throwable cause) {
        boolean perTick = limit == GuestLimit.TICK_FUEL;
        Account charged = perTick ? meter.payer() : meter.account();
        int count = charged.offence(limit.description(), perTick ? meter.tick() : Long.MIN_VALUE);
        boolean own = charged == meter.account();
        String paid = own ? detail : detail + ", paid by " + charged.resource() + ", whose calls caused it";
        var exception = new GuestLimitException(prefix, name, limit, paid, count, own && count >= maxOffences, cause);
        if (exception.fatal()) {
            stop(exception);
        }
        return exception;
    }

    /** After an outermost call: the calls it caused in other resources may have given the resource its last offence. */
    private void offencesCaused(String name) {
        int offences = meter.account().offences();
        if (offences >= maxOffences && !closed) {
            stop(new GuestLimitException(prefix, name, GuestLimit.TICK_FUEL, "the calls it caused in other resources "
                    + "spent its budget in " + offences + " ticks", offences, true, new IllegalStateException()));
        }
    }

    private <E extends PluginException> E fatal(E exception) {
        meter.account().offence("fatal", Long.MIN_VALUE);
        stop(exception);
        return exception;
    }

    private synchronized void stop(PluginException cause) {
        if (!closed) {
            closed = true;
            onFatal.accept(cause);
        }
    }

    /** {@return the size of a linear memory in bytes, 0 without one} */
    private static long bytes(@Nullable Memory memory) {
        return memory == null ? 0 : (long) memory.pages() * Memory.PAGE_SIZE;
    }

    private static String trapMessage(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "call stack exhausted";
        }
        String message = e.getMessage();
        if (e instanceof ChicoryException && message != null && !message.isBlank()) {
            return message.equals("Trapped on unreachable instruction") ? "unreachable executed" : message;
        }
        return "host error: " + Objects.requireNonNullElse(message, e.getClass().getSimpleName());
    }
}
