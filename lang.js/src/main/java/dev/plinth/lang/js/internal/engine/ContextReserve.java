package dev.plinth.lang.js.internal.engine;

import dev.plinth.lang.js.meter.ContextLocator;
import dev.plinth.lang.js.meter.StatementCounter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.jspecify.annotations.Nullable;

/**
 * Blank resource contexts made ahead of need, off the thread that starts resources: a context's JavaScript realm (its
 * built-ins, GraalJS's globals with the host-class ones removed) and its meters cost about a millisecond to make, often
 * many more (the realm allocates enough to bring on a collection), which a start on the game thread — a hot reload's
 * swap — should not pay. {@link #take} hands out a made context when one is ready (else makes one on the caller's
 * thread) and has the next one made on the filler.
 *
 * <p>A context is handed out once and never comes back; no code of a resource runs in it before then. Its file system
 * serves nothing until {@link Blank#assign} gives it the resource's modules. Nothing is made before the first take or
 * {@link #expect} (a JavaScript resource's start is being prepared): a server without JavaScript resources never
 * starts the engine for a reserve.
 *
 * <p>Thread-safe.
 */
public final class ContextReserve implements AutoCloseable {

    /** GraalJS's globals that lead to host classes: gone, and host class lookup is refused anyway. */
    private static final List<String> HOST_GLOBALS =
            List.of("Java", "Packages", "java", "javax", "javafx", "com", "org", "edu", "net");

    private final SharedEngine engine;
    private final @Nullable Executor filler;
    private final int size;
    private final ConcurrentLinkedQueue<Blank> ready = new ConcurrentLinkedQueue<>();
    /** Contexts ready or being made. */
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean closed;

    private ContextReserve(SharedEngine engine, @Nullable Executor filler, int size) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.filler = filler;
        this.size = size;
    }

    /**
     * A reserve that keeps {@code size} blank contexts made on the filler.
     *
     * @param engine the engine the contexts belong to
     * @param filler where contexts are made (a thread that is not the game thread); a task it refuses is dropped
     * @param size how many blank contexts to keep ready, at least 1
     * @return the reserve, empty until the first {@link #take}
     * @throws IllegalArgumentException when {@code size} is below 1
     */
    public static ContextReserve of(SharedEngine engine, Executor filler, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a reserve keeps at least one context, not " + size);
        }
        return new ContextReserve(engine, Objects.requireNonNull(filler, "filler"), size);
    }

    /**
     * No reserve: every take makes its context on the caller's thread (embedded scripts, tests, benchmarks).
     *
     * @param engine the engine the contexts belong to
     * @return the reserve that keeps none
     */
    public static ContextReserve none(SharedEngine engine) {
        return new ContextReserve(engine, null, 0);
    }

    /** A blank context: its realm made, its meters attached, its file system serving nothing yet. */
    public static final class Blank {
        private final Context context;
        private final AssignedRoots roots;
        private final StatementCounter statements;
        private final ContextMemory heap;
        private final ContextLocator locator;

        private Blank(Context context, AssignedRoots roots, StatementCounter statements, ContextMemory heap,
                ContextLocator locator) {
            this.context = context;
            this.roots = roots;
            this.statements = statements;
            this.heap = heap;
            this.locator = locator;
        }

        /**
         * Gives the context its resource's modules; once.
         *
         * @param modules where the resource's modules come from
         * @return the context
         * @throws IllegalStateException when it was assigned before
         */
        public Context assign(ModuleRoots modules) {
            roots.assign(modules);
            return context;
        }

        /** {@return the statement counter attached to the context} */
        public StatementCounter statements() {
            return statements;
        }

        /** {@return what the context keeps, for the retained-memory limit} */
        public ContextMemory heap() {
            return heap;
        }

        /** {@return where the context's code runs, for a call interrupted where no line of it is on the stack} */
        public ContextLocator locator() {
            return locator;
        }
    }

    /**
     * A blank context for a resource: a ready one when there is one, else one made now on this thread; either way
     * the filler starts making the next.
     *
     * @return the context, the caller's to close
     * @throws IllegalStateException when the reserve or the engine is closed
     */
    public Blank take() {
        if (closed) {
            throw new IllegalStateException("the JavaScript engine is closed");
        }
        Blank blank = ready.poll();
        if (blank != null) {
            held.decrementAndGet();
        } else {
            blank = make();
        }
        refill();
        return blank;
    }

    /**
     * Says that a take is coming (a resource's start is being prepared): the filler makes the contexts the reserve
     * keeps, when they are not ready or being made yet, so that the first take finds one too. Nothing on a reserve
     * that keeps none, or once it is closed.
     */
    public void expect() {
        refill();
    }

    /** {@return how many blank contexts are ready now, for the tests} */
    int ready() {
        return ready.size();
    }

    /** Closes the contexts that are ready; a take afterwards fails, a context being made is closed when done. */
    @Override
    public void close() {
        closed = true;
        drain();
    }

    private void refill() {
        while (filler != null && !closed) {
            int now = held.get();
            if (now >= size) {
                return;
            }
            if (held.compareAndSet(now, now + 1)) {
                try {
                    filler.execute(this::fill);
                } catch (RejectedExecutionException e) {
                    held.decrementAndGet();
                    return; // the host is stopping: later takes make their own
                }
            }
        }
    }

    private void fill() {
        Optional<Blank> made;
        try {
            made = closed ? Optional.empty() : Optional.of(make());
        } catch (RuntimeException e) {
            made = Optional.empty(); // the engine closed meanwhile; a take makes its own and reports its failure
        }
        if (made.isPresent()) {
            ready.add(made.get());
            if (closed) {
                drain();
            }
        } else {
            held.decrementAndGet();
        }
    }

    private void drain() {
        for (Blank blank = ready.poll(); blank != null; blank = ready.poll()) {
            held.decrementAndGet();
            blank.context.close();
        }
    }

    /** Makes a blank context: the sandbox every context shares, its realm and its meters. */
    private Blank make() {
        var roots = new AssignedRoots();
        Context context = SharedEngine.withPolyglotLoader(() -> JsScript.sandboxed(engine)
                .allowIO(IOAccess.newBuilder().fileSystem(new ModuleFileSystem(roots)).build())
                .build());
        try {
            StatementCounter statements;
            ContextMemory heap;
            ContextLocator locator;
            context.enter();
            try {
                statements = engine.statementMeter().counter();
                locator = engine.statementMeter().locator();
                heap = engine.enteredContextMemory();
            } finally {
                context.leave();
            }
            Value global = context.getBindings("js");
            for (String name : HOST_GLOBALS) {
                global.removeMember(name);
            }
            return new Blank(context, roots, statements, heap, locator);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }
}
