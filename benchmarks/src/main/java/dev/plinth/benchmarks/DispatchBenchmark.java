package dev.plinth.benchmarks;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.internal.EventDispatcher;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One typed event dispatched to 1, 10 and 100 handlers ({@link HandlerSpec}: mixed priorities, a cancellation
 * check before each), by Plinth's bus and, side by side, by a hand-written loop over the same handlers, Guava's
 * {@code EventBus} and Apache Felix EventAdmin's {@code sendEvent} (default configuration and {@code Timeout=0}).
 * Each runs twice: with handlers of eight classes (megamorphic calls, as with many plugins) and with handlers of one
 * class (calls the JIT inlines, so that only the dispatch is measured). The same event object is posted every
 * time: the only allocation measured is the dispatcher's own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DispatchBenchmark {

    /** Created by JMH. */
    public DispatchBenchmark() {}

    /** What every contender shares: the handler count and the event. */
    @State(Scope.Benchmark)
    public abstract static class Workload {
        /** Created by JMH. */
        protected Workload() {}

        /** How many handlers. */
        @Param({"1", "10", "100"})
        public int handlers;
        /** The event, posted again and again. */
        public final BenchEvent event = new BenchEvent();
    }

    /** The workloads that run the {@link HandlerSpec} handlers. */
    public abstract static class SpecWorkload extends Workload {
        /** Eight handler classes or one (see {@link HandlerSpec#of(int, String)}). */
        @Param({"distinct", "shared"})
        public String classes;

        /** Created by JMH. */
        protected SpecWorkload() {}

        /**
         * The handlers, in registration order.
         *
         * @return the handlers
         */
        protected HandlerSpec[] specs() {
            return HandlerSpec.of(handlers, classes);
        }
    }

    /** Plinth's bus in its default configuration (one dispatch in 64 timed). */
    public static class Plinth extends SpecWorkload {
        /** Created by JMH. */
        public Plinth() {}

        EventBus bus;

        /** Subscribes the handlers. */
        @Setup(Level.Trial)
        public void subscribe() {
            bus = new EventDispatcher(EventDispatcher.DEFAULT_TIMING_RATE).open("bench");
            for (HandlerSpec spec : specs()) {
                var options = HandlerOptions.at(spec.priority());
                bus.subscribe(BenchEvent.class, spec.receiveCancelled() ? options.withReceiveCancelled() : options,
                        spec.handler());
            }
        }
    }

    /** Plinth's bus with {@code @Subscribe} listener objects, bound to generated executors (one class each). */
    public static class PlinthListeners extends Workload {
        /** Created by JMH. */
        public PlinthListeners() {}

        EventBus bus;

        /** Registers the listeners. */
        @Setup(Level.Trial)
        public void register() {
            bus = new EventDispatcher(EventDispatcher.DEFAULT_TIMING_RATE).open("bench");
            for (int i = 0; i < handlers; i++) {
                bus.register(Listeners.of(i));
            }
        }
    }

    /** The same handlers in dispatch order, for the hand-written loop. */
    public static class HandWritten extends SpecWorkload {
        /** Created by JMH. */
        public HandWritten() {}

        HandlerSpec[] sorted;
        long failures;

        /** Sorts the handlers. */
        @Setup(Level.Trial)
        public void sort() {
            sorted = HandlerSpec.sorted(specs());
        }
    }

    /** Guava's EventBus, one subscriber object per handler. */
    public static class Guava extends SpecWorkload {
        /** Created by JMH. */
        public Guava() {}

        com.google.common.eventbus.EventBus bus;

        /** Registers the subscribers. */
        @Setup(Level.Trial)
        public void register() {
            bus = new com.google.common.eventbus.EventBus("bench");
            for (HandlerSpec spec : HandlerSpec.sorted(specs())) {
                bus.register(new GuavaSubscriber(spec));
            }
        }
    }

    /** A Guava subscriber calling a handler the way the other contenders do. */
    public static final class GuavaSubscriber {
        private final HandlerSpec spec;

        GuavaSubscriber(HandlerSpec spec) {
            this.spec = spec;
        }

        /**
         * Checks the cancellation and calls the handler.
         *
         * @param event the event
         * @throws Exception what the handler throws (Guava logs it)
         */
        @com.google.common.eventbus.Subscribe
        @com.google.common.eventbus.AllowConcurrentEvents
        public void on(BenchEvent event) throws Exception {
            if (spec.receiveCancelled() || !event.isCancelled()) {
                spec.handler().handle(event);
            }
        }
    }

    /** Felix EventAdmin in an embedded framework. */
    public abstract static class EventAdminWorkload extends SpecWorkload {
        /** Created by JMH. */
        protected EventAdminWorkload() {}

        EmbeddedEventAdmin eventAdmin;
        org.osgi.service.event.EventAdmin admin;
        org.osgi.service.event.Event osgiEvent;

        abstract Map<String, String> configuration();

        /**
         * Starts the framework and registers the handlers.
         *
         * @throws Exception when the framework does not start
         */
        @Setup(Level.Trial)
        public void start() throws Exception {
            eventAdmin = new EmbeddedEventAdmin(configuration());
            for (HandlerSpec spec : specs()) {
                eventAdmin.register(spec, -spec.priority().ordinal());
            }
            admin = eventAdmin.admin();
            osgiEvent = EmbeddedEventAdmin.carrying(event);
        }

        /**
         * Stops the framework.
         *
         * @throws Exception when it does not stop
         */
        @TearDown(Level.Trial)
        public void stop() throws Exception {
            eventAdmin.close();
        }
    }

    /** EventAdmin as installed: synchronous delivery guarded by a 5 s timeout (a pool thread per handler call). */
    public static class EventAdminDefault extends EventAdminWorkload {
        /** Created by JMH. */
        public EventAdminDefault() {}

        @Override
        Map<String, String> configuration() {
            return Map.of();
        }
    }

    /** EventAdmin tuned for speed: {@code Timeout=0}, handlers called on the sending thread. */
    public static class EventAdminTimeout0 extends EventAdminWorkload {
        /** Created by JMH. */
        public EventAdminTimeout0() {}

        @Override
        Map<String, String> configuration() {
            return Map.of("org.apache.felix.eventadmin.Timeout", "0");
        }
    }

    /**
     * Plinth, lambda handlers.
     *
     * @param s the workload
     * @return the event
     */
    @Benchmark
    public BenchEvent plinth(Plinth s) {
        return s.bus.post(s.event);
    }

    /**
     * Plinth, {@code @Subscribe} listeners.
     *
     * @param s the workload
     * @return the event
     */
    @Benchmark
    public BenchEvent plinthListeners(PlinthListeners s) {
        return s.bus.post(s.event);
    }

    /**
     * The baseline: a loop over the sorted handlers, checking the cancellation and isolating a failure.
     *
     * @param s the workload
     * @return the event
     */
    @Benchmark
    public BenchEvent handWrittenLoop(HandWritten s) {
        BenchEvent event = s.event;
        for (HandlerSpec spec : s.sorted) {
            if (spec.receiveCancelled() || !event.isCancelled()) {
                try {
                    spec.handler().handle(event);
                } catch (Exception e) {
                    s.failures++;
                }
            }
        }
        return event;
    }

    /**
     * Guava's EventBus.
     *
     * @param s the workload
     * @return the event
     */
    @Benchmark
    public BenchEvent guava(Guava s) {
        s.bus.post(s.event);
        return s.event;
    }

    /**
     * Felix EventAdmin, default configuration.
     *
     * @param s the workload
     * @return the event
     */
    @Benchmark
    public BenchEvent eventAdminDefault(EventAdminDefault s) {
        s.admin.sendEvent(s.osgiEvent);
        return s.event;
    }

    /**
     * Felix EventAdmin with {@code Timeout=0}.
     *
     * @param s the workload
     * @return the event
     */
    @Benchmark
    public BenchEvent eventAdminTimeout0(EventAdminTimeout0 s) {
        s.admin.sendEvent(s.osgiEvent);
        return s.event;
    }
}
