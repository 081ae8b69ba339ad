package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The events of some names posted on the bus while a test runs, each as one line: its name and its payload sorted
 * by key ({@code resource:start_error {error=..., resourceName=lu-broken}}). Closing it ends the subscriptions.
 *
 * <p>Thread-safe: events are recorded on whatever thread posts them.
 */
public final class EventLog implements AutoCloseable {

    private final BundleContext context;
    private final ServiceReference<EventBus> reference;
    private final EventBus bus;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /**
     * Subscribes to events by name through a bundle's own view of the bus.
     *
     * @param context the subscribing bundle's context
     * @param names the event names to record
     */
    public EventLog(BundleContext context, String... names) {
        this.context = context;
        this.reference = context.getServiceReference(EventBus.class);
        assertNotNull(reference, "the event bus is registered");
        this.bus = context.getService(reference);
        for (String name : names) {
            subscriptions.add(bus.subscribe(name, HandlerOptions.defaults(),
                    (Event event) -> lines.add(event.name() + " " + new TreeMap<>(event.payload()))));
        }
    }

    /** {@return the bus, as the subscribing bundle sees it: events posted through it come from that bundle} */
    public EventBus bus() {
        return bus;
    }

    /** {@return the lines recorded so far} */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Waits until a line starting with a prefix was recorded.
     *
     * @param prefix the start of the line, for example {@code resource:stopped}
     * @return the line
     */
    public String await(String prefix) {
        return ResourceHome.await(() -> lines.stream().filter(line -> line.startsWith(prefix)).findFirst(),
                "an event '" + prefix + "...' among " + lines);
    }

    /**
     * Waits until at least a number of lines were recorded.
     *
     * @param count how many
     * @return the lines recorded
     */
    public List<String> awaitCount(int count) {
        return ResourceHome.await(() -> lines.size() >= count ? Optional.of(lines()) : Optional.empty(),
                count + " events among " + lines);
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        context.ungetService(reference);
    }
}
