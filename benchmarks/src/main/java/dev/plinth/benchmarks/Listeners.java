package dev.plinth.benchmarks;

import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.Subscribe;

/** Listener objects with {@code @Subscribe} methods, one class per priority, doing what {@link HandlerSpec}s do. */
final class Listeners {

    private Listeners() {}

    /**
     * A listener for the {@code i}-th handler: the same priority as {@code HandlerSpec.of(n)[i]}.
     *
     * @param i the handler's index
     * @return the listener
     */
    static Object of(int i) {
        long amount = i % 8 + 1;
        return switch (i % 5) {
            case 0 -> new Normal(amount);
            case 1 -> new Lowest(amount);
            case 2 -> new Highest(amount);
            case 3 -> new Low(amount);
            default -> new High(amount);
        };
    }

    /** A LOWEST listener. */
    public record Lowest(long amount) {
        /** @param e the event */
        @Subscribe(priority = EventPriority.LOWEST)
        public void on(BenchEvent e) {
            e.add(amount);
        }
    }

    /** A LOW listener. */
    public record Low(long amount) {
        /** @param e the event */
        @Subscribe(priority = EventPriority.LOW)
        public void on(BenchEvent e) {
            e.add(amount);
        }
    }

    /** A NORMAL listener. */
    public record Normal(long amount) {
        /** @param e the event */
        @Subscribe
        public void on(BenchEvent e) {
            e.add(amount);
        }
    }

    /** A HIGH listener. */
    public record High(long amount) {
        /** @param e the event */
        @Subscribe(priority = EventPriority.HIGH)
        public void on(BenchEvent e) {
            e.add(amount);
        }
    }

    /** A HIGHEST listener. */
    public record Highest(long amount) {
        /** @param e the event */
        @Subscribe(priority = EventPriority.HIGHEST)
        public void on(BenchEvent e) {
            e.add(amount);
        }
    }
}
