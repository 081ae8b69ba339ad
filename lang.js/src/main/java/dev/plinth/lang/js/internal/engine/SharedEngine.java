package dev.plinth.lang.js.internal.engine;

import dev.plinth.lang.js.meter.HeapMeter;
import dev.plinth.lang.js.meter.StatementMeter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;

/**
 * The one GraalJS {@link Engine} every JavaScript resource's context shares: code parsed and compiled once serves
 * every resource, and an idle resource costs a context, not an engine.
 *
 * <p>The engine starts on first use (the first context, parse or meter asked for), not when this object is created:
 * starting it loads Truffle, GraalJS and, in JIT mode, the Graal compiler (hundreds of milliseconds and megabytes),
 * which a server without JavaScript resources never needs. The listener given to {@link #create(ObjLongConsumer)} hears
 * of the start once, on the thread that caused it; other threads that need the engine meanwhile wait until the start,
 * its warm-up and the listener are over, so that what the listener logs comes before anything they answer.
 *
 * <p>GraalJS sits on the launcher class path; its service lookups use the thread's context class loader, so the
 * engine and the contexts are created with it set to the polyglot API's own loader ({@link #withPolyglotLoader}).
 *
 * <p>Thread-safe.
 */
public final class SharedEngine implements AutoCloseable {

    private static final String INTERPRETED = "Interpreted";

    /**
     * The started engine and its meters, looked up before any context exists so that every context is counted from
     * its first statement, and why the Graal compiler the JVM was given does not run, when it does not.
     */
    private record Started(Engine engine, StatementMeter statements, HeapMeter heap, @Nullable String jitRefusal) {}

    private final ObjLongConsumer<SharedEngine> onStart;
    private final Map<String, String> options;
    private final @Nullable OutputStream log;
    private final ParsedModules parsed = new ParsedModules();
    private final LongAdder parses = new LongAdder();
    /** Published once the start is over (warm-up run, listener told): no other thread sees a half-started engine. */
    private volatile @Nullable Started started;
    /** The engine while its start is under way, seen only by the starting thread (which holds the lock). */
    private @Nullable Started starting;
    private boolean closed;
    private volatile long blankContextBytes = -1;
    /** Whether the thread entered a context of this engine: Truffle walks a context's heap only on such a thread. */
    private final ThreadLocal<Boolean> measuringThread = ThreadLocal.withInitial(() -> false);

    private SharedEngine(ObjLongConsumer<SharedEngine> onStart, Map<String, String> options,
            @Nullable OutputStream log) {
        this.onStart = onStart;
        this.options = Map.copyOf(options);
        this.log = log;
    }

    /**
     * An engine that starts on first use and tells no one.
     *
     * @return the engine, not started
     */
    public static SharedEngine create() {
        return create((engine, millis) -> { });
    }

    /**
     * An engine that starts on first use; Truffle's own warning about interpreter mode is left out, the listener can
     * say the mode ({@link #mode()}) when it hears of the start.
     *
     * @param onStart called once the engine started, with the milliseconds its start took, on the thread whose use
     *     started it and with the start's lock held (it may use this engine; it must not wait for other threads that do)
     * @return the engine, not started
     */
    public static SharedEngine create(ObjLongConsumer<SharedEngine> onStart) {
        return new SharedEngine(Objects.requireNonNull(onStart, "onStart"), Map.of(), null);
    }

    /**
     * An engine that starts on first use with more engine options, for diagnostics: {@code engine.TraceSourceCache}
     * and {@code engine.TraceSourceCacheDetails} log the parse cache's misses (and hits), which shows whether a
     * module or a host class was parsed again.
     *
     * @param options engine options ({@code engine.*}), set on the engine as given
     * @param log where the engine's log goes
     * @return the engine, not started
     * @throws IllegalArgumentException when the engine starts, for an option GraalJS does not know
     */
    public static SharedEngine diagnosing(Map<String, String> options, OutputStream log) {
        return new SharedEngine((engine, millis) -> { }, options, Objects.requireNonNull(log, "log"));
    }

    /**
     * The started engine, started now when it is not yet.
     *
     * @throws org.graalvm.polyglot.PolyglotException or {@link IllegalStateException} when GraalJS or the host's
     *     meter ({@code dev.plinth.lang.js.meter}, beside GraalJS) is missing, or when the engine is closed
     */
    private Started started() {
        Started known = started;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the JavaScript engine is closed");
            }
            Started now = started != null ? started : starting; // starting: the start's own warm-up and listener
            if (now == null) {
                long begin = System.nanoTime();
                Engine engine = withPolyglotLoader(() -> {
                    Engine.Builder builder = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false")
                            .options(options);
                    return (log == null ? builder : builder.logHandler(log)).build();
                });
                now = new Started(engine, StatementMeter.of(engine), HeapMeter.of(engine),
                        INTERPRETED.equals(engine.getImplementationName())
                                ? JitRefusal.whenInterpreted().orElse(null) : null);
                starting = now;
                try {
                    warmUp();
                    onStart.accept(this, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
                } finally {
                    starting = null;
                    started = now;
                }
            }
            return now;
        }
    }

    /**
     * What the engine's start runs once in a throwaway context: a regular expression, as {@code console.log} formats
     * its message with one. GraalJS's regular expressions are a Truffle language of their own (TRegex), and the first
     * expression the JVM runs loads and initializes it: 0.4-0.5 s on two lightly loaded cores, over a second on busy
     * ones. Without this, a resource's first {@code console.log} paid it inside its call, on the game thread (ticks
     * missed), and could break the call's wall-clock bound as an offence of that resource.
     */
    private static final Source WARM_UP = Source.newBuilder("js", "'%s'.replace(/%[sdifjoOc%]/g, (spec) => spec)",
            "plinth-warm-up.js").buildLiteral();

    /**
     * What the engine's start runs once more: an error thrown by a host function, caught by the script and then let
     * through to Java. Truffle initializes its host-error classes at the first such error of the JVM; when that first
     * error came at the bottom of a deep recursion (a resource calling its own export until the stack ran out), their
     * initialization overflowed the stack, the JVM marked them unusable, and every later host error of every resource
     * (a wrong argument to {@code mc.schedule_task}) was a {@code NoClassDefFoundError} no script could catch.
     */
    private static final Source HOST_ERROR_WARM_UP = Source.newBuilder("js",
            "(fail) => { try { fail(); } catch (e) { } fail(); }", "plinth-warm-up-errors.js").buildLiteral();

    /**
     * Runs {@link #WARM_UP} and {@link #HOST_ERROR_WARM_UP} on the thread that starts the engine, off the game
     * thread, on a shallow stack.
     */
    private void warmUp() {
        withPolyglotLoader(() -> {
            try (Context context = isolatedContext()) {
                try {
                    context.eval(WARM_UP);
                } catch (PolyglotException e) {
                    // nothing to warm: the first resource that runs a regular expression pays for it, as before
                }
                try {
                    context.eval(HOST_ERROR_WARM_UP).executeVoid((ProxyExecutable) args -> {
                        throw new IllegalStateException("the engine's warm-up");
                    });
                } catch (PolyglotException e) {
                    // the host error, through: what the warm-up is for
                }
            }
            return null;
        });
    }

    /**
     * Runs work with the thread's context class loader set to the one that loaded GraalJS.
     *
     * @param <T> the result type
     * @param work what creates polyglot objects
     * @return its result
     */
    public static <T> T withPolyglotLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A context of this engine with the sandbox every context shares and no files at all, for code that is not a
     * resource's (the TypeScript compiler) or runs none (parsing). The caller closes it; create it with the polyglot
     * loader set ({@link #withPolyglotLoader}).
     *
     * @return the context
     */
    public Context isolatedContext() {
        return JsScript.sandboxed(this).allowIO(IOAccess.NONE).build();
    }

    /**
     * Parses a resource's modules in a throwaway context, so that its start (on the game thread) finds them parsed:
     * the engine keeps what it parsed for every context, as long as the parsed sources are held, which this engine does
     * until the resource's start is over ({@link #started(String)}). Runs no code.
     *
     * @param resource the resource, for messages
     * @param files the resource's files (TypeScript read as the JavaScript it compiles to)
     * @param paths the modules, relative to the resource root
     * @param lines where the lines of compiled modules lead back to
     * @return the modules that do not parse (or do not compile, or cannot be read), in the order of {@code paths}
     */
    public List<JsFailure> parse(String resource, ModuleFiles files, List<String> paths, SourceLines lines) {
        return withPolyglotLoader(() -> {
            var failures = new ArrayList<JsFailure>();
            var sources = new LinkedHashMap<String, Source>();
            try (Context context = isolatedContext()) {
                for (String path : paths) {
                    try {
                        Optional<byte[]> bytes = files.read(path);
                        if (bytes.isPresent()) {
                            Source source = JsScript.moduleSource(path, bytes.get());
                            context.parse(source);
                            parses.increment();
                            sources.put(path, source);
                        }
                    } catch (IOException e) {
                        failures.add(new JsFailure(resource, path, 0, "cannot read the module: " + e.getMessage(), ""));
                    } catch (PolyglotException e) {
                        failures.add(JsFailure.of(resource, e, lines));
                    } catch (JsException e) {
                        failures.add(e.failure());
                    }
                }
            }
            if (!sources.isEmpty()) {
                parsed.keep(resource, sources);
            }
            return failures;
        });
    }

    /**
     * Whether modules parsed for a resource are kept for its next start ({@link #parse}): a hot reload's preparation
     * parsed them, so nothing needs to parse them again before the start.
     *
     * @param resource the resource name
     * @return whether they are
     */
    public boolean parsedFor(String resource) {
        return parsed.holds(resource);
    }

    /**
     * Says that a resource's start is over, or that it is gone: the modules parsed for it beforehand are not held any
     * longer (its context holds what it evaluated). Not when it merely stops: what is held then was parsed for its next
     * start (a hot reload's preparation parses the new content before the running version stops).
     *
     * @param resource the resource name
     */
    public void started(String resource) {
        parsed.release(resource);
    }

    /** {@return how many modules {@link #parse} has parsed ahead of their start, for {@code js:info} and the tests} */
    public long parses() {
        return parses.sum();
    }

    /** {@return the engine, started now when it is not yet} */
    public Engine engine() {
        return started().engine();
    }

    /** {@return the statement meter of the engine's contexts (the engine started now when it is not yet)} */
    public StatementMeter statementMeter() {
        return started().statements();
    }

    /**
     * What the context entered on the calling thread keeps, to measure later from any thread (the engine started now
     * when it is not yet).
     *
     * @return the context's memory
     * @throws IllegalStateException when no context of this engine is entered on the calling thread
     */
    public ContextMemory enteredContextMemory() {
        var memory = new ContextMemory(started().heap().heap(), this::readyToMeasure);
        measuringThread.set(true); // it has a context entered
        return memory;
    }

    /**
     * Makes the calling thread one that Truffle walks a context's heap on: one that entered a context once (the walk
     * needs the thread's safepoint mechanism, which Truffle sets up at the thread's first entry into a context). A
     * thread that did so already returns at once; another enters and leaves a blank context of this engine.
     *
     * @throws IllegalStateException when the engine is closed
     */
    private void readyToMeasure() {
        if (measuringThread.get()) {
            return;
        }
        withPolyglotLoader(() -> {
            try (Context context = isolatedContext()) {
                context.enter();
                context.leave();
            }
            return null;
        });
        measuringThread.set(true);
    }

    /** {@return whether the engine has started (a first use came)} */
    public boolean isStarted() {
        return started != null;
    }

    /**
     * What a context keeps before a resource runs anything in it (GraalJS's built-ins of one realm), measured once
     * from a blank sandboxed context: a resource's retained memory is what its context keeps beyond this. Slow the
     * first time; call it off the game thread.
     *
     * @return the bytes
     * @throws UnsupportedOperationException when this JVM cannot measure a context's heap ({@link #measuresHeap()})
     */
    public long blankContextBytes() {
        long known = blankContextBytes;
        if (known >= 0) {
            return known;
        }
        synchronized (this) {
            if (blankContextBytes < 0) {
                blankContextBytes = withPolyglotLoader(() -> {
                    try (var context = JsScript.sandboxed(this).allowIO(org.graalvm.polyglot.io.IOAccess.NONE).build()) {
                        context.eval("js", "0");
                        context.enter();
                        ContextMemory blank;
                        try {
                            blank = enteredContextMemory();
                        } finally {
                            context.leave();
                        }
                        return blank.retainedBytes(Long.MAX_VALUE, new java.util.concurrent.atomic.AtomicBoolean());
                    }
                });
            }
            return blankContextBytes;
        }
    }

    /**
     * Whether Truffle can measure what a context keeps: only on its optimizing runtime, that is with the Graal JIT.
     *
     * @return {@code true} in JIT mode
     */
    public boolean measuresHeap() {
        return compiled();
    }

    /** {@return whether guest code is compiled by the Graal JIT (else GraalJS only interprets it); starts the engine} */
    public boolean compiled() {
        return !INTERPRETED.equals(engine().getImplementationName());
    }

    /**
     * Why GraalJS runs interpreted although the JVM was given the Graal compiler: the compiler did not start on this
     * JVM (a compiler of a release that needs a newer JDK), which {@code bin/plinth}'s probe cannot see. Starts the
     * engine.
     *
     * @return Truffle's reason; empty when the JIT runs, or when the JVM was given no compiler ({@code PLINTH_JIT=off},
     *     a JVM that refused the flags, which {@code bin/plinth} reports itself)
     */
    public Optional<String> jitRefusal() {
        return Optional.ofNullable(started().jitRefusal());
    }

    /**
     * {@return the mode as the host's start line and {@code js:info} say it: with Truffle's reason when the JVM was
     * given the Graal compiler but Truffle runs without it}
     */
    public String mode() {
        if (compiled()) {
            return "JIT (Graal compiler)";
        }
        return jitRefusal().map(reason -> "interpreter (the Graal compiler was refused: " + reason + ")")
                .orElse("interpreter (no Graal JIT on this JVM)");
    }

    /** {@return the GraalJS version} */
    public String version() {
        try (var in = Engine.class.getResourceAsStream("/META-INF/graalvm/org.graalvm.polyglot/version")) {
            return in == null ? engine().getVersion()
                    : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            return engine().getVersion();
        }
    }

    /** Closes the engine (cancelling its open contexts) when it started; a later use fails. */
    @Override
    public synchronized void close() {
        closed = true;
        Started running = started;
        if (running != null) {
            running.engine().close(true);
        }
    }
}
