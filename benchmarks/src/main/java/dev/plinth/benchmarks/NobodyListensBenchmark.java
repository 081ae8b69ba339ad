package dev.plinth.benchmarks;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.internal.EventDispatcher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Posting an event nobody listens to, on a bus where other events have handlers; and the harness's own cost. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NobodyListensBenchmark {

    /** Created by JMH. */
    public NobodyListensBenchmark() {}

    /** A bus with handlers for other events and names. */
    @State(Scope.Benchmark)
    public static class Quiet {
        /** Created by JMH. */
        public Quiet() {}

        EventBus bus;
        final QuietEvent event = new QuietEvent();

        /** Subscribes handlers to other events. */
        @Setup(Level.Trial)
        public void subscribe() {
            bus = new EventDispatcher(EventDispatcher.DEFAULT_TIMING_RATE).open("bench");
            for (HandlerSpec spec : HandlerSpec.of(10)) {
                bus.subscribe(BenchEvent.class, HandlerOptions.at(spec.priority()), spec.handler());
            }
            bus.subscribe("bench:other", HandlerOptions.defaults(), e -> { });
            bus.post(event); // the bus learns the event's name, as it does on the first post in a server
        }
    }

    /**
     * Posts the unheard event.
     *
     * @param s the bus
     * @return the event
     */
    @Benchmark
    public QuietEvent plinthNobodyListens(Quiet s) {
        return s.bus.post(s.event);
    }

    /**
     * What JMH itself costs: returning the event.
     *
     * @param s the bus
     * @return the event
     */
    @Benchmark
    public QuietEvent harnessBaseline(Quiet s) {
        return s.event;
    }
}
