package dev.plinth.lang.lua.internal.engine;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.memory.AllocationCounter;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.values.ValueBudget;
import dev.plinth.core.sandbox.watchdog.Overrun;
import dev.plinth.core.sandbox.watchdog.Watch;
import dev.plinth.core.sandbox.watchdog.Watchdog;
import dev.plinth.lang.lua.internal.diagnostics.ErrorNames;
import dev.plinth.lang.lua.internal.limits.Limit;
import dev.plinth.lang.lua.internal.limits.LimitExceededError;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.limits.Meter;
import dev.plinth.lang.lua.internal.sandbox.GuardedCoroutines;
import dev.plinth.lang.lua.internal.sandbox.SandboxGlobals;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;

/**
 * One Lua resource's state: its sandboxed globals, its meter, and the only way into its code, {@link #call}.
 *
 * <p>Every call is metered (instruction budget per call and per tick, memory per call, wall-clock bound), translated
 * into a {@link ScriptException} naming the resource, file and line when it fails, and counted in the resource's
 * account: a memory limit, or {@link Limits#maxOffences()} offences (its own, or those of calls it caused through
 * exports and events, which spend its per-tick budget), make the call's exception
 * {@linkplain ScriptLimitException#fatal() fatal} and tell the fatal handler, which stops the resource. A call the
 * watchdog finds still running one bound after interrupting it (stuck where no checkpoint reaches) stops the
 * resource too.
 *
 * <p>Threads: calls may come from any thread; they are serialized by a lock, except calls made from the resource's
 * own coroutine threads, which run while the resuming thread waits inside a call already. A host function that
 * waits for another thread (a lifecycle call waits for the game thread) does it through {@link #awaitReleased}, so
 * that the thread it waits for can call into the resource meanwhile instead of waiting for the lock in turn.
 */
public final class LuaScript {

    private static final byte ESCAPE = 0x1B;

    private final String resource;
    private final ScriptFiles files;
    private final ChunkCompiler compiler;
    private final PreparedChunks prepared;
    private final Meter meter;
    private final Watch watch;
    private final Account account;
    private final Globals globals;
    private final GuardedCoroutines coroutines;
    private final Consumer<ScriptLimitException> onFatal;
    private final CallLock lock = new CallLock();
    private volatile boolean closed;
    /** The files loaded, by name; parsed into {@link #parsedChunks} only when an error in compiled code needs it. */
    private final Map<String, LuaSource> sources = new ConcurrentHashMap<>();
    private final Map<String, Prototype> parsedChunks = new ConcurrentHashMap<>();

    private LuaScript(Builder builder, Watchdog watchdog, Account account, AllocationCounter allocations) {
        this.resource = builder.resource;
        this.files = builder.files;
        this.compiler = builder.compiler;
        this.prepared = builder.prepared;
        this.onFatal = builder.onFatal;
        this.account = account;
        StackRoom.initialize();
        this.watch = watchdog.watch(resource, this::interrupted);
        this.meter = new Meter(resource, builder.limits, builder.grants, allocations, builder.ticks, watch, account);
        var sandbox = SandboxGlobals.create(resource, meter, builder.console, this::loadForRequire,
                (prototype, chunkName, environment) -> compiler.compile(resource, chunkName, prototype, environment),
                this::parsed);
        this.globals = sandbox.globals();
        this.coroutines = sandbox.coroutines();
    }

    /**
     * Starts describing a resource's state.
     *
     * @param resource the resource name
     * @param files its files
     * @return the builder
     */
    public static Builder builder(String resource, ScriptFiles files) {
        return new Builder(resource, files);
    }

    /**
     * The resource name.
     *
     * @return the name
     */
    public String resource() {
        return resource;
    }

    /**
     * The resource's globals, where the host installs its API ({@code mc}, {@code Resource}) before the main chunk
     * runs. Touch them only from a {@link #call} or before the first one.
     *
     * @return the globals
     */
    public Globals globals() {
        return globals;
    }

    /**
     * The resource's meter.
     *
     * @return the meter
     */
    public Meter meter() {
        return meter;
    }

    /**
     * The budget of one conversion of a value leaving the script: bounded by the resource's value limits, its work
     * charged to the script running now (the caller).
     *
     * @param what what the value is, for messages ({@code the payload of mc.emit})
     * @return the budget
     */
    public ValueBudget values(String what) {
        return meter.limits().sandbox().values().budget(resource, what, units -> {
            if (Meter.CURRENT.isBound()) {
                Meter.CURRENT.get().charge((int) Math.min(units, Integer.MAX_VALUE));
            }
        });
    }

    /**
     * Loads and compiles one file of the resource (its main file, for example); nothing of it runs yet.
     *
     * @param file the path relative to the resource
     * @return the chunk
     * @throws ScriptLoadException when the file is missing, unreadable, binary or has a syntax error
     */
    public LuaFunction load(String file) {
        try {
            LuaFunction chunk = compile(file);
            if (chunk == null) {
                throw new ScriptLoadException(new ScriptFailure(resource, file, 0, "no such file in the resource", ""),
                        null);
            }
            return chunk;
        } catch (LuaError e) {
            throw new ScriptLoadException(ScriptFailure.of(resource, e, this::parsed), e);
        }
    }

    /**
     * Loads a file and runs it with the start budget.
     *
     * @param file the path relative to the resource
     * @return what the chunk returned
     * @throws ScriptException when it does not load or fails
     */
    public Varargs run(String file) {
        return call(Budget.START, load(file), LuaValue.NONE);
    }

    /**
     * Loads a file and runs it with the start budget, within a wall-clock bound shorter than the start's.
     *
     * @param file the path relative to the resource
     * @param boundNanos what is left of the start's wall-clock bound
     * @return what the chunk returned
     * @throws ScriptException when it does not load or fails
     */
    public Varargs run(String file, long boundNanos) {
        return call(Budget.START, boundNanos, load(file), LuaValue.NONE);
    }

    /**
     * Calls a function of the resource, metered.
     *
     * @param budget the instruction budget to use when this is not a nested call
     * @param function a function of this resource
     * @param args its arguments
     * @return what it returned
     * @throws ScriptRuntimeException when it raised an error, or when the resource is stopped
     * @throws ScriptLimitException when it broke a limit
     */
    public Varargs call(Budget budget, LuaValue function, Varargs args) {
        return call(budget, budget.boundNanos(meter.limits().sandbox()), function, args);
    }

    /**
     * Calls a function of the resource, metered, within a given wall-clock bound.
     *
     * @param budget the instruction budget to use when this is not a nested call
     * @param boundNanos the wall-clock bound when this is not a nested call
     * @param function a function of this resource
     * @param args its arguments
     * @return what it returned
     * @throws ScriptRuntimeException when it raised an error, when the resource is stopped, or, for a call made from
     *     within a call of a resource, when the thread's stack has no room left for it ({@code stack overflow})
     * @throws ScriptLimitException when it broke a limit
     */
    public Varargs call(Budget budget, long boundNanos, LuaValue function, Varargs args) {
        if (closed) {
            throw new ScriptRuntimeException(new ScriptFailure(resource, "", 0, "the resource is stopped", ""), null);
        }
        if (Meter.CURRENT.isBound() && !StackRoom.fits()) {
            throw new ScriptRuntimeException(new ScriptFailure(resource, "", 0, "stack overflow", ""), null);
        }
        boolean ownThread = coroutines.owns(Thread.currentThread());
        if (!ownThread) {
            lock.lock();
        }
        boolean nested = meter.active();
        meter.enter(budget.instructions(meter.limits()), budget == Budget.CALL, Math.max(1, boundNanos));
        Varargs result = null;
        RuntimeException failure = null;
        LimitExceededError broken;
        try {
            result = Meter.CURRENT.isBound() && Meter.CURRENT.get() == meter
                    ? function.invoke(args)
                    : ScopedValue.where(Meter.CURRENT, meter).call(() -> function.invoke(args));
        } catch (LuaError e) {
            if (nested) {
                throw e;
            }
            failure = ErrorNames.tailCall(e, globals);
        } catch (StackOverflowError e) {
            failure = new LuaError("stack overflow");
        } catch (OutOfMemoryError e) {
            failure = new LimitExceededError(Limit.MEMORY, "the Java heap ran out during the call");
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            broken = meter.exit();
            if (!ownThread) {
                lock.unlock();
            }
        }
        if (failure instanceof LimitExceededError limit) {
            broken = limit;
        }
        if (broken != null) {
            throw limitBroken(broken, failure);
        }
        if (!nested) {
            offencesCaused();
        }
        if (failure != null) {
            throw new ScriptRuntimeException(ScriptFailure.of(resource, failure, this::parsed), failure);
        }
        return result;
    }

    /**
     * Runs host work that waits for another thread with this resource released: while the Lua code of the current
     * call waits for the work (as at a coroutine yield), other threads may call into the resource, for example the
     * game thread delivering the events the work causes. The current call's meter is set aside meanwhile, so those
     * calls are metered as calls of their own and the waiting call's budget and allocations are kept. Outside a call
     * of this resource, it just runs the work.
     *
     * <p>Called from a host function, on the thread of a call of this resource or one of its coroutine threads.
     *
     * @param <T> the work's result type
     * @param work what waits, for example {@code ResourceService.start}; it must not run Lua code of this resource
     *     itself
     * @return the work's result
     */
    public <T> T awaitReleased(Supplier<T> work) {
        if (!coroutines.owns(Thread.currentThread()) && !lock.isHeldByCurrentThread()) {
            return work.get();
        }
        Meter.Paused call = meter.pause();
        CallLock.Held held = lock.release();
        try {
            return work.get();
        } finally {
            lock.reacquire(held);
            meter.resume(call);
        }
    }

    /**
     * Runs host work while no call of the resource runs, holding its call lock: the resource's calls wait meanwhile,
     * so keep the work short (the memory measurement takes its steps this way). Not from a call of this resource.
     *
     * @param <T> the work's result
     * @param work what to do
     * @return its result
     */
    public <T> T whileIdle(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the resource for a limit measured outside its calls (the memory it keeps): the fatal handler is told, as
     * for a limit a call broke. Any thread; nothing happens when the resource is stopped already.
     *
     * @param limit the limit
     * @param detail what was measured, for the message
     */
    public void breakLimit(Limit limit, String detail) {
        var broken = new LimitExceededError(limit, detail);
        fatal(new ScriptLimitException(new ScriptFailure(resource, "", 0, broken.getMessage(), ""), broken, limit,
                account.offences(), true));
    }

    /**
     * Runs host work that may call into other resources (an event this resource emits, another's export it calls)
     * with the payer bound: the account that pays for the current call (this resource's, or the one that called it),
     * unless a payer is bound already. The work those other resources do is then charged to it.
     *
     * @param <T> the work's result
     * @param work the host work
     * @return its result
     */
    public <T> T asPayer(Supplier<T> work) {
        return meter.asPayer(work);
    }

    /**
     * Whether the calling thread is one of the resource's coroutine threads: the thread that resumed the coroutine
     * (perhaps the game thread, inside a tick) waits for it, so the coroutine must not wait for that thread in turn.
     *
     * @return {@code true} inside a coroutine of this resource
     */
    public boolean inCoroutine() {
        return coroutines.owns(Thread.currentThread());
    }

    /**
     * Stops the resource's code: running code fails at its next checkpoint, coroutine threads end, and further
     * calls are refused. Any thread; idempotent.
     */
    public void close() {
        closed = true;
        meter.stop("the resource is stopped");
        coroutines.close();
        watch.close();
    }

    /**
     * The resource's account, which pays for its calls.
     *
     * @return the account
     */
    public Account account() {
        return account;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Counts the offence of a call that broke a limit: the per-tick budget belongs to whoever paid for the call (the
     * resource that caused it through an export or an event), every other limit to this resource.
     */
    private ScriptLimitException limitBroken(LimitExceededError broken, @Nullable RuntimeException thrown) {
        boolean perTick = broken.limit() == Limit.TICK_INSTRUCTIONS;
        Account charged = perTick ? meter.payer() : account;
        int offences = charged.offence(broken.limit().description(), perTick ? meter.tick() : Long.MIN_VALUE);
        boolean stop = broken.limit().fatal() || (charged == account && offences >= meter.limits().maxOffences());
        LuaError located = thrown instanceof LuaError error ? error : broken;
        ScriptFailure failure = ScriptFailure.of(resource, located, this::parsed);
        if (charged != account) {
            failure = failure.withMessage(failure.message() + " (paid by " + charged.resource()
                    + ", whose calls caused it)");
        }
        var exception = new ScriptLimitException(failure, broken, broken.limit(), offences, stop);
        if (stop) {
            fatal(exception);
        }
        return exception;
    }

    /**
     * After an outermost call: stops the resource when the calls it caused in other resources (through exports and
     * events, paid from its per-tick budget) gave it its last offence.
     */
    private void offencesCaused() {
        int offences = account.offences();
        if (offences >= meter.limits().maxOffences() && !closed) {
            breakLimit(Limit.TICK_INSTRUCTIONS, "the calls it caused in other resources spent its budget in "
                    + offences + " ticks");
        }
    }

    /**
     * The watchdog found a call past its bound: the call fails at its next checkpoint (the meter asks the watch), and
     * the resource stops when the call still runs one bound later (stuck where no checkpoint reaches).
     */
    private void interrupted(Overrun overrun) {
        if (overrun.notice() > 1 && !closed) {
            breakLimit(Limit.WALL_CLOCK, overrun.describe() + ", and did not stop when interrupted");
        }
    }

    private synchronized void fatal(ScriptLimitException exception) {
        if (!closed) {
            closed = true;
            meter.stop(exception.limit().description() + " exceeded");
            coroutines.close();
            onFatal.accept(exception);
        }
    }

    private @Nullable LuaFunction loadForRequire(String file) {
        return compile(file);
    }

    /**
     * A file's main function: its prepared content when there is one (nothing is parsed then), otherwise parsed here
     * and made runnable by the compiler.
     */
    private @Nullable LuaFunction compile(String file) {
        byte[] bytes;
        try {
            bytes = files.read(file).orElse(null);
        } catch (IOException e) {
            throw new LuaError("cannot read " + file + ": " + e.getMessage());
        }
        if (bytes == null) {
            return null;
        }
        if (bytes.length > 0 && bytes[0] == ESCAPE) {
            throw new LuaError(file + ":1: binary chunks are not allowed: resources ship Lua source");
        }
        var source = new LuaSource(file, bytes);
        sources.put(file, source);
        Optional<LuaFunction> ready;
        try {
            ready = prepared.instantiate(resource, source, globals);
        } catch (RuntimeException | LinkageError e) {
            ready = Optional.empty(); // parsed and compiled below, which reports or falls back as at any start
        }
        return ready.isPresent() ? ready.get() : compiler.compile(resource, file, source.parse(), globals);
    }

    /**
     * A loaded file's chunk as parsed, for naming the variable of an error in compiled code (which keeps no
     * prototype): parsed from the content that was loaded, on the first error that asks, then kept.
     */
    private Optional<Prototype> parsed(String file) {
        LuaSource source = sources.get(file);
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parsedChunks.computeIfAbsent(file, name -> source.parse()));
        } catch (LuaError e) {
            return Optional.empty();
        }
    }

    /** Describes a resource's state; {@link #build()} creates it. */
    public static final class Builder {
        private final String resource;
        private final ScriptFiles files;
        private Limits limits = Limits.defaults();
        private ChunkCompiler compiler = ChunkCompiler.INTERPRETER;
        private PreparedChunks prepared = PreparedChunks.NONE;
        private ScriptConsole console = line -> { };
        private @Nullable AllocationCounter allocations;
        private @Nullable Watchdog watchdog;
        private @Nullable Account account;
        private Grants grants;
        private LongSupplier ticks = () -> 0;
        private Consumer<ScriptLimitException> onFatal = exception -> { };

        private Builder(String resource, ScriptFiles files) {
            this.resource = Objects.requireNonNull(resource, "resource");
            this.files = Objects.requireNonNull(files, "files");
            this.grants = new Grants(resource, Grants.DEFAULT);
        }

        /**
         * Sets the watchdog that bounds every call by the clock (required).
         *
         * @param watchdog the server's watchdog
         * @return this builder
         */
        public Builder withWatchdog(Watchdog watchdog) {
            this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
            return this;
        }

        /**
         * Sets the resource's account (required): it pays for the resource's calls and holds its per-tick budget.
         *
         * @param account the account
         * @return this builder
         */
        public Builder withAccount(Account account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /**
         * Sets the host APIs the resource may call (default {@link Grants#DEFAULT}).
         *
         * @param grants the grants
         * @return this builder
         */
        public Builder withGrants(Grants grants) {
            this.grants = Objects.requireNonNull(grants, "grants");
            return this;
        }

        /**
         * Sets the limits (default {@link Limits#defaults()}).
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder withLimits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets how chunks run (default {@link ChunkCompiler#INTERPRETER}).
         *
         * @param compiler the strategy
         * @return this builder
         */
        public Builder withCompiler(ChunkCompiler compiler) {
            this.compiler = Objects.requireNonNull(compiler, "compiler");
            return this;
        }

        /**
         * Sets the chunks compiled before the start (default {@link PreparedChunks#NONE}): a file whose content is
         * among them is neither parsed nor compiled.
         *
         * @param prepared the prepared chunks
         * @return this builder
         */
        public Builder withPrepared(PreparedChunks prepared) {
            this.prepared = Objects.requireNonNull(prepared, "prepared");
            return this;
        }

        /**
         * Sets where {@code print} goes (default nowhere).
         *
         * @param console the console
         * @return this builder
         */
        public Builder withConsole(ScriptConsole console) {
            this.console = Objects.requireNonNull(console, "console");
            return this;
        }

        /**
         * Sets the allocation counter (default the JVM's per-thread counter).
         *
         * @param allocations the counter
         * @return this builder
         */
        public Builder withAllocationCounter(AllocationCounter allocations) {
            this.allocations = Objects.requireNonNull(allocations, "allocations");
            return this;
        }

        /**
         * Sets the source of the current tick number, for the per-tick budget (default: always tick 0).
         *
         * @param ticks the current tick
         * @return this builder
         */
        public Builder withTicks(LongSupplier ticks) {
            this.ticks = Objects.requireNonNull(ticks, "ticks");
            return this;
        }

        /**
         * Sets what happens when the resource must be stopped for breaking its limits (default nothing). Called once,
         * on the thread of the failing call after the call has ended, or on the watchdog thread for a call that does
         * not stop when interrupted; it must return quickly and must not stop the resource synchronously.
         *
         * @param onFatal the handler
         * @return this builder
         */
        public Builder onFatal(Consumer<ScriptLimitException> onFatal) {
            this.onFatal = Objects.requireNonNull(onFatal, "onFatal");
            return this;
        }

        /**
         * Creates the state: the globals, the sandbox, the meter and its watch. Runs no Lua code.
         *
         * @return the state
         * @throws IllegalStateException without a watchdog or an account
         */
        public LuaScript build() {
            if (watchdog == null || account == null) {
                throw new IllegalStateException(resource + ": a Lua state needs a watchdog and an account");
            }
            return new LuaScript(this, watchdog, account,
                    allocations == null ? AllocationCounter.platform() : allocations);
        }
    }
}
