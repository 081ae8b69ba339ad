package dev.plinth.lang.js.internal.engine;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;
import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Payer;
import dev.plinth.core.sandbox.account.SampledClock;
import dev.plinth.core.sandbox.call.CallBracket;
import dev.plinth.core.sandbox.call.CallLock;
import dev.plinth.core.sandbox.call.StackRoom;
import dev.plinth.core.sandbox.watchdog.Overrun;
import dev.plinth.core.sandbox.watchdog.Watch;
import dev.plinth.lang.js.meter.ContextLocator;
import dev.plinth.lang.js.meter.GuestLocation;
import dev.plinth.lang.js.meter.StatementCounter;

/**
 * One JavaScript resource's context and the only way into its code, {@link #call}.
 *
 * <p>The context is sandboxed: no host classes ({@code Java.type}, {@code Packages}), no polyglot access, no
 * {@code load}, no {@code Graal} / {@code Debug} / {@code Polyglot} globals, no threads, no native code, no process,
 * no environment, and a file system that serves the resource's own module files only ({@link ModuleFileSystem}). The
 * host API reaches it as proxy objects.
 *
 * <p>Every call is bounded: its statement budget (the statements of the call, and what is left of the tick's budget
 * of the resource paying for it, counted by the host's statement meter, {@link StatementCounter}; what other
 * resources run for it through {@link #asPayer} counts too), the wall-clock bound (core.sandbox's watchdog) and the
 * allocation limit ({@link AllocationWatch}). The sandbox's part of each call (who pays, the tick's cap, the watch,
 * one charge at the end) is core.sandbox's {@link CallBracket}. Breaking one interrupts the
 * call ({@code Context.interrupt}: the context and its state stay): an offence; {@link JsLimits#maxOffences()} of
 * them, one allocation overrun, a call that does not stop when interrupted, or keeping more than the retained-memory
 * limit ({@link #breakLimit}) stop the resource. Failures become {@link JsException}s naming the resource, file and
 * line.
 *
 * <p>Threads: GraalJS runs a context on one thread at a time, so calls are serialized by a lock; a thread already in
 * a call may call again (a handler calling an export of its own resource). A call waiting for the lock longer than
 * the call timeout fails.
 */
public final class JsScript implements AutoCloseable {

    private static final String MODULE = "application/javascript+module";
    private static final Object[] NO_ARGUMENTS = {};
    /** How long an interrupter waits to learn where the call's code runs before it interrupts it. */
    private static final Duration LOCATE_WAIT = Duration.ofMillis(100);
    /**
     * The frames a call made from within another resource's call needs left on its thread's stack ({@link
     * StackRoom#fits(int)}): more than the bookkeeping, since Truffle builds the stack trace of an error as it leaves
     * guest code, and an overflow there comes out as {@code Resource exhausted: Stack overflow}, without a line.
     */
    public static final int STACK_ROOM = 2048;

    static {
        // The classes of the error path, initialized on the shallow stack of the first resource's creation: at the
        // first overflow of a deep recursion, their static initializers could overflow and leave them unusable.
        for (Class<?> type : List.of(JsFailure.class, JsRuntimeException.class, JsLimitException.class, JsLimit.class)) {
            try {
                MethodHandles.lookup().ensureInitialized(type);
            } catch (IllegalAccessException e) {
                throw new AssertionError(type + " is in this package", e);
            }
        }
    }

    private final String resource;
    private final ModuleRoots roots;
    private final SourceLines lines;
    private final Context context;
    private final JsLimits limits;
    /** The limits' bounds of a start step, a stop step and a call, in nanoseconds: read on every call. */
    private final long startTimeoutNanos;
    private final long stopTimeoutNanos;
    private final long callTimeoutNanos;
    private final Watch watch;
    private final AllocationWatch.Slot allocations;
    private final Account account;
    /** The sandbox's part of each call: payer, tick cap, wall-clock watch, one charge at the end. */
    private final CallBracket bracket;
    private final Consumer<JsLimitException> onFatal;
    private final StatementCounter statements;
    private final ContextMemory heap;
    private final ContextLocator locator;
    /**
     * Where the call's code ran when it was last interrupted for a limit (asked just before the interrupt), for a
     * failure that comes with no line of the resource's: read and cleared by the failure.
     */
    private volatile @Nullable GuestLocation interruptedAt;
    private final CallLock lock = new CallLock();
    /** The threads interrupting the running call: a call waits for them before the next one may start. */
    private final Set<Thread> interrupters = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean cancelledByWatchdog;
    /** Interrupts the running call (the statement meter and the allocation guard tell it): one object, not one a call. */
    private final Runnable interruptCall = () -> interruptLater(false);
    /** Counts calls, to measure the allocation of one in {@link SampledClock#SAMPLE}. */
    private int calls;

    private JsScript(Builder builder) {
        this.resource = builder.resource;
        this.roots = builder.roots;
        this.lines = builder.roots.lines();
        this.limits = builder.limits;
        this.startTimeoutNanos = limits.startTimeout().toNanos();
        this.stopTimeoutNanos = limits.stopTimeout().toNanos();
        this.callTimeoutNanos = limits.callTimeout().toNanos();
        this.account = builder.account;
        this.onFatal = builder.onFatal;
        ContextReserve.Blank blank = builder.runtime.contexts().take();
        this.context = blank.assign(builder.roots);
        this.statements = blank.statements();
        this.heap = blank.heap();
        this.locator = blank.locator();
        this.watch = builder.runtime.watchdog().watch(resource, this::interrupted);
        this.bracket = CallBracket.open(account, watch, builder.ticks);
        this.allocations = builder.runtime.allocations().slot(interruptCall);
    }

    /**
     * A context builder with the sandbox every context of the engine shares: no host classes, no polyglot access, no
     * {@code load}, no threads, no native code, no process, no environment. The caller adds the file system and the
     * limits. Every context of one engine must be built this way (GraalJS compares their host access).
     *
     * @param engine the shared engine
     * @return the builder
     */
    static Context.Builder sandboxed(SharedEngine engine) {
        return Context.newBuilder("js")
                .engine(engine.engine())
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(name -> false)
                .allowHostClassLoading(false)
                .allowNativeAccess(false)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowInnerContextOptions(false)
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.console", "false")
                .option("js.graal-builtin", "false")
                .option("js.esm-eval-returns-exports", "true");
    }

    /**
     * Starts describing a resource's context.
     *
     * @param resource the resource name
     * @param runtime the engine, the watchdog and the allocation guard
     * @param roots where its modules come from
     * @param account the resource's account (core.sandbox): its offences and the work of its calls
     * @return the builder
     */
    public static Builder builder(String resource, JsRuntime runtime, ModuleRoots roots, Account account) {
        return new Builder(resource, runtime, roots, account);
    }

    /** {@return the resource name} */
    public String resource() {
        return resource;
    }

    /** {@return where the lines of its modules come from (TypeScript modules run compiled)} */
    public SourceLines lines() {
        return lines;
    }

    /** {@return the limits} */
    public JsLimits limits() {
        return limits;
    }

    /**
     * The global object, where the host installs its API before the entry module runs. Touch it only inside
     * {@link #call} or before the first call.
     *
     * @return the bindings of the context's global scope
     */
    public Value globals() {
        return context.getBindings("js");
    }

    /**
     * Evaluates a module of the resource with the start budget: its imports are loaded through the module file
     * system, its top-level code runs.
     *
     * @param file the path relative to the resource root
     * @return the module's namespace (its exports)
     * @throws JsLoadException when the file is missing, has a syntax error or an import is refused
     * @throws JsException when its code fails or breaks a limit
     */
    public Value evalModule(String file) {
        byte[] bytes;
        try {
            bytes = roots.own().read(file).orElseThrow(() -> new JsLoadException(new JsFailure(resource, file, 0,
                    "no such file in the resource", ""), null));
        } catch (IOException e) {
            throw new JsLoadException(new JsFailure(resource, file, 0, "cannot read the module: " + e.getMessage(),
                    ""), e);
        }
        Source source;
        try {
            source = moduleSource(file, bytes);
        } catch (IOException e) {
            throw new JsLoadException(new JsFailure(resource, file, 0, "cannot read the module: " + e.getMessage(),
                    ""), e);
        }
        try {
            return call(Budget.START, c -> c.eval(source));
        } catch (JsRuntimeException e) {
            if (e.getCause() instanceof PolyglotException p && p.isSyntaxError()) {
                throw new JsLoadException(e.failure(), p);
            }
            JsFailure located = ImportSite.locate(e.failure(), roots.own());
            throw located == e.failure() ? e : new JsRuntimeException(located, e.getCause());
        }
    }

    /**
     * The source of a resource's module, as {@link #evalModule} evaluates it: the same source parsed earlier in
     * another context of the engine ({@link SharedEngine#parse}) is not parsed again.
     *
     * @param file the path relative to the resource root
     * @param bytes its content
     * @return the source
     * @throws IOException when it cannot be built
     */
    static Source moduleSource(String file, byte[] bytes) throws IOException {
        return Source.newBuilder("js", ModuleFileSystem.modulePath(file).toFile())
                .content(new String(bytes, StandardCharsets.UTF_8))
                .mimeType(MODULE)
                .build();
    }

    /**
     * Refuses a call from one resource into another when it is made from within another resource's call (an export
     * calling one, an event it emitted) and its thread's stack has less than {@link #STACK_ROOM} frames left: exports
     * calling each other without end stop there, with an error that names them, before the stack runs out in the
     * hosts' or the engine's own frames.
     *
     * @param through what is being called ({@code pong.down})
     * @throws IllegalStateException when there is no room ({@code stack overflow: the calls through pong.down nest
     *     too deep})
     */
    public static void checkStackRoom(String through) {
        if (Payer.CURRENT.isBound() && !StackRoom.fits(STACK_ROOM)) {
            throw new IllegalStateException("stack overflow: the calls through " + through + " nest too deep");
        }
    }

    /**
     * Calls a function of the resource.
     *
     * @param budget the bounds of the call
     * @param function a function of this resource's context
     * @param args its arguments: plain values, proxies, or values of this context
     * @return what it returned, a value of this context (read it inside a call or while no call runs)
     * @throws JsRuntimeException when it threw, or the resource is stopped
     * @throws JsLimitException when it broke a limit
     */
    public Value call(Budget budget, Value function, Object... args) {
        return bounded(budget, null, function, args, false);
    }

    /**
     * Calls a function of the resource for its effect only, bounded as {@link #call(Budget, Value, Object...)}: what
     * it returns is dropped inside GraalJS ({@code Value.executeVoid}) instead of being turned into a {@link Value},
     * which an event handler, a task or a timer never reads.
     *
     * @param budget the bounds of the call
     * @param function a function of this resource's context
     * @param args its arguments: plain values, proxies, or values of this context
     * @throws JsRuntimeException when it threw, or the resource is stopped
     * @throws JsLimitException when it broke a limit
     */
    public void run(Budget budget, Value function, Object... args) {
        bounded(budget, null, function, args, true);
    }

    /**
     * Runs work inside the context, bounded as a call: everything that touches the resource's values goes through
     * here (or through {@link #call(Budget, Value, Object...)}).
     *
     * @param <T> the result type
     * @param budget the bounds of the call
     * @param work what runs, with the context entered
     * @return its result
     * @throws JsRuntimeException when the code threw, or the resource is stopped
     * @throws JsLimitException when it broke a limit
     */
    public <T> T call(Budget budget, Function<Context, T> work) {
        return bounded(budget, work, null, NO_ARGUMENTS, false);
    }

    /**
     * Runs either work or a function: a function call needs no lambda, so a handler's call allocates none for it; a
     * function called for its effect ({@code discard}) returns {@code null}.
     */
    @SuppressWarnings("unchecked")
    private <T> @Nullable T execute(@Nullable Function<Context, T> work, @Nullable Value function, Object[] args,
            boolean discard) {
        if (work != null) {
            return work.apply(context);
        }
        Value callee = Objects.requireNonNull(function, "function");
        if (discard) {
            callee.executeVoid(args);
            return null;
        }
        return (T) callee.execute(args);
    }

    /** The bounded call behind {@code call} and {@code run}. */
    private <T> T bounded(Budget budget, @Nullable Function<Context, T> work, @Nullable Value function,
            Object[] args, boolean discard) {
        if (lock.heldByCurrentThread()) {
            return execute(work, function, args, discard);
        }
        if (closed) {
            throw stopped();
        }
        if (Payer.CURRENT.isBound() && !StackRoom.fits(STACK_ROOM)) {
            // Called from within another resource's call (an export, an event it emitted), too deep to keep the books.
            throw new JsRuntimeException(new JsFailure(resource, "", 0, "stack overflow: the calls into " + resource
                    + " nest too deep", ""), null);
        }
        long timeout = switch (budget) {
            case START -> startTimeoutNanos;
            case STOP -> stopTimeoutNanos;
            case CALL -> callTimeoutNanos;
        };
        try {
            if (!lock.tryLock(timeout)) {
                throw new JsRuntimeException(new JsFailure(resource, "", 0, "the resource is busy on another thread "
                        + "for longer than " + TimeUnit.NANOSECONDS.toMillis(timeout) + " ms", ""), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JsRuntimeException(new JsFailure(resource, "", 0, "interrupted while waiting to run", ""), e);
        }
        RuntimeException failure;
        boolean tickBound = budget == Budget.CALL;
        try {
            if (closed) {
                throw stopped();
            }
            long granted = bracket.enter(tickBound ? limits.statementsPerCall() : limits.statementsPerTick(),
                    tickBound, timeout);
            if (granted <= 0) {
                bracket.exit(0, 0);
                failure = limitBroken(JsLimit.TICK_STATEMENTS, null, "the tick's statement budget is spent; the call "
                        + "did not run", false);
            } else {
                // A start or stop step and one call in SampledClock.SAMPLE measure what they allocated, for the
                // account (scaled like the bracket's sampled time); the others leave the counter to the guard.
                boolean sampled = !tickBound || (calls++ & (SampledClock.SAMPLE - 1)) == 0;
                statements.arm(granted, interruptCall);
                allocations.arm(limits.maxCallAllocationBytes(), sampled);
                long ran = 0;
                long allocated = 0;
                try {
                    T result = execute(work, function, args, discard);
                    if (!statements.exhausted()) {
                        return result;
                    }
                    // It ran past its budget and returned before the interrupt reached it: aborted all the same.
                    failure = limitBroken(budgetLimit(), null, describe(granted), false);
                } catch (PolyglotException e) {
                    // A call interrupted for its time that allocated past its limit meanwhile broke the memory limit.
                    failure = classify(e, watch.overrun().orElse(null),
                            allocations.broken() || allocations.allocated() > limits.maxCallAllocationBytes(),
                            statements.exhausted() ? describe(granted) : null);
                } catch (IllegalStateException e) {
                    failure = closed ? stopped() : new JsRuntimeException(new JsFailure(resource, "", 0,
                            String.valueOf(e.getMessage()), ""), e);
                } catch (StackOverflowError e) {
                    failure = new JsRuntimeException(new JsFailure(resource, "", 0, "stack overflow", ""), null);
                } finally {
                    allocated = sampled ? allocations.allocated() * (tickBound ? SampledClock.SAMPLE : 1) : 0;
                    allocations.disarm();
                    ran = statements.disarm();
                    bracket.exit(ran, allocated);
                    awaitInterrupters();
                }
            }
        } finally {
            lock.unlock();
        }
        if (failure instanceof JsLimitException limit && limit.fatal()) {
            fatal(limit);
        }
        throw failure;
    }

    /** {@return the limit a call breaks by running past its budget: the call's own, or what its tick had left} */
    private JsLimit budgetLimit() {
        return bracket.tickCapped() ? JsLimit.TICK_STATEMENTS : JsLimit.CALL_STATEMENTS;
    }

    /** {@return why a call that ran past its budget of {@code granted} statements was interrupted} */
    private String describe(long granted) {
        return bracket.tickCapped()
                ? "the resource's calls ran more than their tick's budget (" + granted + " statements were left) "
                        + "and this one was interrupted"
                : "the call ran more than " + granted + " statements and was interrupted";
    }

    /**
     * Runs host work that reaches other resources (an export it calls, an event it emits) for the call in progress:
     * the work is charged to whoever pays for this call (core.sandbox's {@link CallBracket#asPayer}), and what it cost
     * that payer's tick counts against this call's statement budget too, so a call cannot do more through other
     * resources than its own budget allows. Call it on the thread of the call, from the resource's host functions.
     *
     * @param <T> the result
     * @param work the host work
     * @return its result
     * @throws IllegalStateException when the call's budget is spent already (it is being interrupted)
     */
    public <T> T asPayer(Supplier<T> work) {
        if (!bracket.active()) {
            return bracket.asPayer(work);
        }
        if (statements.exhausted()) {
            // The call is being interrupted: it starts nothing more elsewhere.
            throw new IllegalStateException(resource + ": the call's statement budget is spent");
        }
        Account payer = bracket.payer();
        long tick = bracket.tick();
        long before = payer.tickLeft(tick);
        try {
            return bracket.asPayer(work);
        } finally {
            statements.charge(before - payer.tickLeft(tick));
        }
    }

    /**
     * Stops the resource for breaking a limit found outside its calls (the retained-memory limit, measured by the
     * sandbox's memory thread): the context is closed (a running call is cancelled) and the host told. Any thread;
     * once.
     *
     * @param limit the limit
     * @param message why, naming the figures
     */
    public void breakLimit(JsLimit limit, String message) {
        fatal(new JsLimitException(new JsFailure(resource, "", 0, limit.text() + ": " + message, ""), null, limit,
                account.offences(), true));
    }

    /**
     * Measures what the context keeps on the heap (Truffle walks it from the context's roots, leaving out what the
     * engine shares). Slow: call it off the game thread; the resource's code may run meanwhile. A walk taken while a
     * call runs counts what the call holds for the moment too (the temporaries on its frames), which may be more than
     * the resource keeps; {@link #retainedBytesBetweenCalls} leaves it out.
     *
     * @param stopAtBytes stop once this much is found
     * @param cancelled set to stop early
     * @return the bytes, or more than {@code stopAtBytes}
     * @throws UnsupportedOperationException when this JVM cannot measure (GraalJS runs without the Graal JIT)
     * @throws IllegalStateException when the context is closed
     */
    public long retainedBytes(long stopAtBytes, AtomicBoolean cancelled) {
        if (closed) {
            throw new IllegalStateException(resource + " is stopped");
        }
        return heap.retainedBytes(stopAtBytes, cancelled);
    }

    /**
     * Measures what the context keeps between two calls: waits for the running call to end and holds the call lock
     * for the walk, so that only what the resource keeps counts, not what a running call reaches. The
     * resource's next call waits for the walk (at most its call timeout, then it fails as busy): use it to confirm a
     * figure, not for every measurement. Off the game thread.
     *
     * @param stopAtBytes stop once this much is found
     * @param cancelled set to stop early
     * @param waitNanos how long to wait for the running call to end
     * @return the bytes (or more than {@code stopAtBytes}); empty when the resource stayed in its calls for
     *     {@code waitNanos} or the waiting thread was interrupted (its interrupt status is kept)
     * @throws UnsupportedOperationException when this JVM cannot measure (GraalJS runs without the Graal JIT)
     * @throws IllegalStateException when the context is closed
     */
    public OptionalLong retainedBytesBetweenCalls(long stopAtBytes, AtomicBoolean cancelled, long waitNanos) {
        try {
            if (!lock.tryLock(waitNanos)) {
                return OptionalLong.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(retainedBytes(stopAtBytes, cancelled));
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the threads interrupting the call that just ended, so that none reaches the next call. */
    private void awaitInterrupters() {
        if (interrupters.isEmpty()) {
            return;
        }
        for (Thread interrupter : interrupters) {
            try {
                interrupter.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // An interrupt that came after the call had ended found where it was for no failure: not the next call's.
        interruptedAt = null;
    }

    private RuntimeException classify(PolyglotException e, @Nullable Overrun overrun, boolean allocatedTooMuch,
            @Nullable String exhausted) {
        // A call that broke a limit failed for it, however its failure reached here: interrupted, cancelled (it did not
        // stop when interrupted: the resource cannot go on), or an error of another resource it was calling when
        // the interrupt came.
        if (overrun != null || allocatedTooMuch || exhausted != null) {
            if (allocatedTooMuch) {
                return limitBroken(JsLimit.MEMORY, e, "the call allocated more than "
                        + limits.maxCallAllocationBytes() / JsLimits.MIB + " MB and was interrupted", true);
            }
            if (overrun != null) {
                return limitBroken(JsLimit.TIME, e, "the call " + overrun.describe() + " and was interrupted",
                        cancelledByWatchdog);
            }
            return limitBroken(budgetLimit(), e, exhausted, cancelledByWatchdog);
        }
        if (e.isResourceExhausted() && !e.isHostException()) {
            // The JVM could not give what the call asked for in one piece (a typed array of gigabytes): more than any
            // call may allocate, though the allocation guard, which counts what was allocated, never saw it.
            return limitBroken(JsLimit.MEMORY, e, "the Java heap ran out during the call (" + e.getMessage() + ")",
                    true);
        }
        if (e.isCancelled() || closed) {
            return stopped();
        }
        if (e.isHostException() && e.asHostException() instanceof JsException nested) {
            return nested;
        }
        return new JsRuntimeException(JsFailure.of(resource, e, lines), e);
    }

    private JsLimitException limitBroken(JsLimit limit, @Nullable PolyglotException e, String message,
            boolean alwaysFatal) {
        int offences = account.offence(limit.text(), limit == JsLimit.TICK_STATEMENTS ? bracket.tick() : Long.MIN_VALUE);
        boolean fatal = alwaysFatal || offences >= limits.maxOffences();
        JsFailure at = e == null ? new JsFailure(resource, "", 0, "", "") : JsFailure.of(resource, e, lines);
        GuestLocation where = interruptedAt;
        interruptedAt = null;
        if (at.file().isEmpty() && where != null) {
            // Interrupted in the engine's own code (between two promise jobs): where the call's code was just before.
            String file = ModuleFileSystem.displayName(where.path(), where.name());
            at = new JsFailure(resource, file, lines.original(file, where.line()), "", at.stack());
        }
        var failure = new JsFailure(resource, at.file(), at.line(), limit.text() + ": " + message
                + (fatal ? "" : " (offence " + offences + " of " + limits.maxOffences() + ")"), at.stack());
        return new JsLimitException(failure, e, limit, offences, fatal);
    }

    private synchronized void fatal(JsLimitException exception) {
        if (!closed) {
            closed = true;
            closeContext();
            watch.close();
            allocations.close();
            onFatal.accept(exception);
        }
    }

    /**
     * The watchdog found a call past its bound: it is interrupted (an offence when it returns); when it still runs one
     * bound later, its context is cancelled and the resource stopped.
     */
    private void interrupted(Overrun overrun) {
        interruptLater(overrun.notice() > 1);
    }

    /**
     * Interrupts the running call from a thread of its own: the watchdog's and the guard's threads must not wait, and
     * the statement meter tells on the thread running the call, which cannot interrupt itself.
     */
    private void interruptLater(boolean cancel) {
        Thread interrupter = Thread.ofPlatform().name("plinth-js-interrupt").daemon().unstarted(() -> {
            try {
                if (!cancel) {
                    interruptedAt = locator.locate(LOCATE_WAIT).orElse(null);
                    try {
                        context.interrupt(Duration.ofSeconds(5));
                        return;
                    } catch (TimeoutException | IllegalStateException e) {
                        // did not stop within five seconds (or the context is closing): cancel it for good
                    }
                }
                cancelledByWatchdog = true;
                closeContext();
            } finally {
                interrupters.remove(Thread.currentThread());
            }
        });
        interrupters.add(interrupter);
        interrupter.start();
    }

    private JsRuntimeException stopped() {
        return new JsRuntimeException(new JsFailure(resource, "", 0, "the resource is stopped", ""), null);
    }

    /** {@return the resource's account (core.sandbox), which its host closes when it stops} */
    public Account account() {
        return account;
    }

    /** {@return whether the context is closed} */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the context: running code is cancelled, further calls are refused. Any thread; idempotent.
     */
    @Override
    public void close() {
        closed = true;
        closeContext();
        watch.close();
        allocations.close();
    }

    private void closeContext() {
        try {
            context.close(true);
        } catch (IllegalStateException | PolyglotException e) {
            // cancelled from another thread while running: the running call ends with a cancellation
        }
    }

    /** Describes a resource's context; {@link #build()} creates it. */
    public static final class Builder {
        private final String resource;
        private final JsRuntime runtime;
        private final ModuleRoots roots;
        private final Account account;
        private JsLimits limits = JsLimits.defaults();
        private LongSupplier ticks = () -> 0;
        private Consumer<JsLimitException> onFatal = exception -> { };

        private Builder(String resource, JsRuntime runtime, ModuleRoots roots, Account account) {
            this.resource = Objects.requireNonNull(resource, "resource");
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            this.roots = Objects.requireNonNull(roots, "roots");
            this.account = Objects.requireNonNull(account, "account");
        }

        /**
         * Sets the limits (default {@link JsLimits#defaults()}).
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder withLimits(JsLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
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
         * on the thread of the failing call, after the call has ended and the context is closed.
         *
         * @param onFatal the handler
         * @return this builder
         */
        public Builder onFatal(Consumer<JsLimitException> onFatal) {
            this.onFatal = Objects.requireNonNull(onFatal, "onFatal");
            return this;
        }

        /** {@return the context, sandboxed; runs no code} */
        public JsScript build() {
            return new JsScript(this);
        }
    }
}
