package dev.plinth.client.internal.session;

import dev.plinth.client.ClientEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The events posted on a client's bus, the last {@value #KEPT}, each with its number in the order they were posted
 * (from 0), for {@code events}, {@code wait} and tests.
 *
 * <p>Thread-safe: events are added from any thread; waiters are woken.
 */
final class EventLog {

    static final int KEPT = 10_000;

    private final ArrayDeque<ClientEvent> events = new ArrayDeque<>();
    private long added;

    synchronized void add(ClientEvent event) {
        if (events.size() == KEPT) {
            events.removeFirst();
        }
        events.addLast(event);
        added++;
        notifyAll();
    }

    synchronized List<ClientEvent> all() {
        return List.copyOf(events);
    }

    /**
     * The first matching event numbered {@code from} or later, waiting for one until the timeout.
     *
     * @param matches which event
     * @param from the first event number to look at (0: every event kept)
     * @param timeout how long to wait
     * @return the event, empty after the timeout
     */
    synchronized Optional<ClientEvent> await(Predicate<ClientEvent> matches, long from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long number = added - events.size();
            for (ClientEvent event : events) {
                if (number++ >= from && matches.test(event)) {
                    return Optional.of(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** {@return how many events were posted so far} */
    synchronized long count() {
        return added;
    }
}
