package dev.plinth.benchmarks;

import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.EventPriority;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One handler of the benchmarks, the same object for every contender: Plinth subscribes it, the hand-written loop
 * calls it, Guava and EventAdmin call it through an adapter.
 *
 * @param priority its priority (mixed: the registration order is not the dispatch order)
 * @param receiveCancelled whether it runs for cancelled events (each contender checks this before each call)
 * @param handler what it does: add a constant to the event (a guarded change: {@code checkMutable}, then a field
 *     update)
 */
public record HandlerSpec(EventPriority priority, boolean receiveCancelled, EventHandler<BenchEvent> handler) {

    private static final EventPriority[] MIXED = {EventPriority.NORMAL, EventPriority.LOWEST, EventPriority.HIGHEST,
        EventPriority.LOW, EventPriority.HIGH};

    /**
     * The handlers of a benchmark, in registration order.
     *
     * @param count how many
     * @param classes {@code distinct}: eight handler classes (lambdas), so that the calls are megamorphic from three
     *     handlers on, as on a server where every plugin brings its own; {@code shared}: every handler an instance
     *     of one class, so that the JIT inlines the calls and the dispatch itself is what is measured
     * @return the handlers
     */
    public static HandlerSpec[] of(int count, String classes) {
        boolean shared = switch (classes) {
            case "shared" -> true;
            case "distinct" -> false;
            default -> throw new IllegalArgumentException("classes: distinct or shared, not " + classes);
        };
        var specs = new HandlerSpec[count];
        for (int i = 0; i < count; i++) {
            specs[i] = new HandlerSpec(MIXED[i % MIXED.length], false, shared ? new Adder(i % 8 + 1) : handler(i));
        }
        return specs;
    }

    /**
     * The handlers of a benchmark, eight classes of them.
     *
     * @param count how many
     * @return the handlers
     */
    public static HandlerSpec[] of(int count) {
        return of(count, "distinct");
    }

    /**
     * The one class of the {@code shared} handlers.
     *
     * @param amount what it adds
     */
    record Adder(long amount) implements EventHandler<BenchEvent> {
        @Override
        public void handle(BenchEvent event) {
            event.add(amount);
        }
    }

    /**
     * The same handlers in dispatch order: by priority, then registration order.
     *
     * @param specs the handlers in registration order
     * @return a sorted copy
     */
    public static HandlerSpec[] sorted(HandlerSpec[] specs) {
        var sorted = specs.clone();
        Arrays.sort(sorted, Comparator.comparing(HandlerSpec::priority)); // stable
        return sorted;
    }

    private static EventHandler<BenchEvent> handler(int i) {
        return switch (i % 8) {
            case 0 -> e -> e.add(1);
            case 1 -> e -> e.add(2);
            case 2 -> e -> e.add(3);
            case 3 -> e -> e.add(4);
            case 4 -> e -> e.add(5);
            case 5 -> e -> e.add(6);
            case 6 -> e -> e.add(7);
            default -> e -> e.add(8);
        };
    }
}
