package dev.plinth.lang.js.internal.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.jspecify.annotations.Nullable;

/**
 * One JavaScript resource's context and the only way into its code, {@link #call}.
 *
 * <p>The context is sandboxed: no host classes ({@code Java.type}, {@code Packages}), no polyglot access, no
 * {@code load}, no {@code Graal} / {@code Debug} / {@code Polyglot} globals, no threads, no native code, no process,
 * no environment, and a file system that serves the resource's own module files only ({@link ModuleFileSystem}). The
 * host API reaches it as proxy objects.
 *
 * <p>Every call is bounded: the tick's statement budget (GraalJS {@link ResourceLimits}, reset at the first call of
 * each tick and at each start step: breaking it cancels the context, so the resource is stopped), the wall-clock
 * bound and the allocation limit (the {@link CallWatch} interrupts the call: an offence; {@link
 * JsLimits#maxOffences()} of them, or one allocation overrun, stop the resource). Failures become
 * {@link JsException}s naming the resource, file and line.
 *
 * <p>Threads: GraalJS runs a context on one thread at a time, so calls are serialized by a lock; a thread already in
 * a call may call again (a handler calling an export of its own resource). A call waiting for the lock longer than
 * the call timeout fails.
 */
public final class JsScript implements AutoCloseable {

    private static final String MODULE = "application/javascript+module";
    /** GraalJS's globals that lead to host classes: gone, and host class lookup is refused anyway. */
    private static final java.util.List<String> HOST_GLOBALS =
            java.util.List.of("Java", "Packages", "java", "javax", "javafx", "com", "org", "edu", "net");

    private final String resource;
    private final ModuleRoots roots;
    private final Context context;
    private final JsLimits limits;
    private final CallWatch watch;
    private final LongSupplier ticks;
    private final Consumer<JsLimitException> onFatal;
    private final ReentrantLock lock = new ReentrantLock();
    private long budgetTick = Long.MIN_VALUE;
    private int offences;
    private volatile boolean closed;
    private volatile boolean cancelledByWatchdog;

    private JsScript(Builder builder) {
        this.resource = builder.resource;
        this.roots = builder.roots;
        this.limits = builder.limits;
        this.watch = builder.watch;
        this.ticks = builder.ticks;
        this.onFatal = builder.onFatal;
        var fileSystem = new ModuleFileSystem(builder.roots);
        this.context = SharedEngine.withPolyglotLoader(() -> sandboxed(builder.engine)
                .allowIO(IOAccess.newBuilder().fileSystem(fileSystem).build())
                .resourceLimits(ResourceLimits.newBuilder()
                        .statementLimit(limits.statementsPerTick(), source -> !source.isInternal())
                        .build())
                .build());
        Value global = context.getBindings("js");
        for (String name : HOST_GLOBALS) {
            global.removeMember(name);
        }
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
     * @param engine the shared engine
     * @param roots where its modules come from
     * @param watch the watchdog
     * @return the builder
     */
    public static Builder builder(String resource, SharedEngine engine, ModuleRoots roots, CallWatch watch) {
        return new Builder(resource, engine, roots, watch);
    }

    /** {@return the resource name} */
    public String resource() {
        return resource;
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
            throw e;
        }
    }

    /**
     * The source of a resource's module, as {@link #evalModule} evaluates it: the same source parsed earlier in
     * another context of the engine ({@link SharedEngine#preparse}) is not parsed again.
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
        return call(budget, c -> function.execute(args));
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
        if (lock.isHeldByCurrentThread()) {
            return work.apply(context);
        }
        if (closed) {
            throw stopped();
        }
        Duration timeout = budget == Budget.START ? limits.startTimeout() : limits.callTimeout();
        try {
            if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new JsRuntimeException(new JsFailure(resource, "", 0, "the resource is busy on another thread "
                        + "for longer than " + timeout.toMillis() + " ms", ""), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JsRuntimeException(new JsFailure(resource, "", 0, "interrupted while waiting to run", ""), e);
        }
        RuntimeException failure;
        try {
            if (closed) {
                throw stopped();
            }
            resetBudget(budget);
            try (CallWatch.Watched watched = watch.watch(timeout.toNanos(), limits.maxCallAllocationBytes(),
                    this::interrupt)) {
                try {
                    return work.apply(context);
                } catch (PolyglotException e) {
                    failure = classify(e, watched.broken(), timeout);
                } catch (IllegalStateException e) {
                    failure = closed ? stopped() : new JsRuntimeException(new JsFailure(resource, "", 0,
                            String.valueOf(e.getMessage()), ""), e);
                } catch (StackOverflowError e) {
                    failure = new JsRuntimeException(new JsFailure(resource, "", 0, "stack overflow", ""), null);
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

    private void resetBudget(Budget budget) {
        if (budget == Budget.START) {
            context.resetLimits();
            budgetTick = Long.MIN_VALUE;
            return;
        }
        long tick = ticks.getAsLong();
        if (tick != budgetTick) {
            context.resetLimits();
            budgetTick = tick;
        }
    }

    private RuntimeException classify(PolyglotException e, @Nullable JsLimit broken, Duration timeout) {
        if (e.isResourceExhausted()) {
            return limitBroken(JsLimit.STATEMENTS, e, "the resource ran more than " + limits.statementsPerTick()
                    + " statements in one tick (GraalJS stopped its context)", true);
        }
        if (broken != null && (e.isInterrupted() || e.isCancelled())) {
            String message = broken == JsLimit.TIME
                    ? "the call ran longer than " + timeout.toMillis() + " ms and was interrupted"
                    : "the call allocated more than " + limits.maxCallAllocationBytes() / JsLimits.MIB
                            + " MB and was interrupted";
            // A call that did not stop when interrupted had its context cancelled: the resource cannot go on.
            return limitBroken(broken, e, message, broken == JsLimit.MEMORY || cancelledByWatchdog);
        }
        if (e.isCancelled() || closed) {
            return stopped();
        }
        if (e.isHostException() && e.asHostException() instanceof JsException nested) {
            return nested;
        }
        return new JsRuntimeException(JsFailure.of(resource, e), e);
    }

    private JsLimitException limitBroken(JsLimit limit, PolyglotException e, String message, boolean alwaysFatal) {
        offences++;
        boolean fatal = alwaysFatal || offences >= limits.maxOffences();
        JsFailure at = JsFailure.of(resource, e);
        var failure = new JsFailure(resource, at.file(), at.line(), limit.text() + ": " + message
                + (fatal ? "" : " (offence " + offences + " of " + limits.maxOffences() + ")"), at.stack());
        return new JsLimitException(failure, e, limit, offences, fatal);
    }

    private void fatal(JsLimitException exception) {
        if (!closed) {
            closed = true;
            closeContext();
            onFatal.accept(exception);
        }
    }

    private void interrupt(JsLimit limit) {
        try {
            context.interrupt(Duration.ofSeconds(5));
        } catch (TimeoutException | IllegalStateException e) {
            // The code did not stop within five seconds (or the context is closing): cancel it for good.
            cancelledByWatchdog = true;
            try {
                context.close(true);
            } catch (IllegalStateException | PolyglotException ignored) {
                // closed meanwhile
            }
        }
    }

    private JsRuntimeException stopped() {
        return new JsRuntimeException(new JsFailure(resource, "", 0, "the resource is stopped", ""), null);
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
        private final SharedEngine engine;
        private final ModuleRoots roots;
        private final CallWatch watch;
        private JsLimits limits = JsLimits.defaults();
        private LongSupplier ticks = () -> 0;
        private Consumer<JsLimitException> onFatal = exception -> { };

        private Builder(String resource, SharedEngine engine, ModuleRoots roots, CallWatch watch) {
            this.resource = Objects.requireNonNull(resource, "resource");
            this.engine = Objects.requireNonNull(engine, "engine");
            this.roots = Objects.requireNonNull(roots, "roots");
            this.watch = Objects.requireNonNull(watch, "watch");
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
