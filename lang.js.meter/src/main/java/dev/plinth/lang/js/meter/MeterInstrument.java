package dev.plinth.lang.js.meter;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.ContextLocal;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;
import com.oracle.truffle.api.instrumentation.SourceSectionFilter;
import com.oracle.truffle.api.instrumentation.StandardTags.StatementTag;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;

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
        env.registerService((StatementMeter) this::current);
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

    private StatementCounter current() {
        return counters.get();
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
