package dev.plinth.lang.js.meter;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.ContextLocal;
import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;
import com.oracle.truffle.api.instrumentation.SourceSectionFilter;
import com.oracle.truffle.api.instrumentation.StandardTags.StatementTag;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The instrument behind {@link StatementMeter}: a node on every statement of a non-internal source (the code of the
 * resources, not GraalJS's own built-ins written in JavaScript) that counts down the context's
 * {@link StatementCounter}. In compiled code this is a context-local read, a decrement and a compare per statement,
 * as with GraalJS's own statement limit. It serves {@link HeapMeter} too: Truffle's own walk of a context's heap.
 *
 * <p>Created by Truffle, once per engine that uses it.
 */
final class MeterInstrument extends TruffleInstrument {

    private final ContextLocal<StatementCounter> counters = locals.createContextLocal(context -> new StatementCounter());

    @Override
    protected void onCreate(Env env) {
        env.registerService(new StatementMeter() {
            @Override
            public StatementCounter counter() {
                return counters.get();
            }

            @Override
            public ContextLocator locator() {
                TruffleContext context = env.getEnteredContext();
                if (context == null) {
                    throw new IllegalStateException("no context is entered on this thread");
                }
                return wait -> locate(env, context, wait);
            }
        });
        env.registerService((HeapMeter) () -> {
            TruffleContext context = env.getEnteredContext();
            if (context == null) {
                throw new IllegalStateException("no context is entered on this thread");
            }
            return (stopAtBytes, cancelled) -> env.calculateContextHeapSize(context, stopAtBytes, cancelled);
        });
        SourceSectionFilter statements = SourceSectionFilter.newBuilder()
                .tagIs(StatementTag.class)
                .sourceIs(source -> !source.isInternal())
                .build();
        env.getInstrumenter().attachExecutionEventFactory(statements, context -> new CountingNode());
    }

    /**
     * Asks the threads running a context's code where its resource's code is, at their next safepoint: the innermost
     * frame in a non-internal source (the node running, else the calls down the stack). A thread found between two
     * frames of the resource's (running the engine's job queue) is asked again, until {@code wait} is over.
     */
    private static Optional<GuestLocation> locate(Env env, TruffleContext context, Duration wait) {
        var found = new AtomicReference<@Nullable GuestLocation>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (found.get() == null && System.nanoTime() < deadline) {
            Future<Void> asked = env.submitThreadLocal(context, null, new ThreadLocalAction(false, false) {
                @Override
                protected void perform(Access access) {
                    GuestLocation at = GuestLocation.of(access.getLocation());
                    found.compareAndSet(null, at != null ? at
                            : Truffle.getRuntime().iterateFrames(frame -> GuestLocation.of(frame.getCallNode())));
                }
            });
            try {
                asked.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException | CancellationException e) {
                // no answer in time, or the context closed meanwhile: none
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                asked.cancel(false);
            }
        }
        return Optional.ofNullable(found.get());
    }

    /** Counts the statement it is attached to. */
    private final class CountingNode extends ExecutionEventNode {
        @Override
        protected void onEnter(VirtualFrame frame) {
            StatementCounter counter = counters.get();
            if (counter.count()) {
                CompilerDirectives.transferToInterpreter();
                counter.exhaust();
            }
        }
    }
}
