package dev.plinth.benchmarks.reload.inside;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.runtime.plugin.Plugin;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The Java plugin the harness reloads: it acknowledges every {@code bench:e} event with {@code <name>:ack} (same
 * {@code id}), counts what it handled, and hands the count to its next version. Its activator is this class; each
 * version is a new jar of it (a new class loader).
 */
public final class JavaSubject implements BundleActivator {

    /** Creates the activator; the framework does. */
    public JavaSubject() {
        // stateless
    }

    @Override
    public void start(BundleContext context) {
        var events = context.getService(Objects.requireNonNull(context.getServiceReference(EventBus.class)));
        String name = context.getBundle().getSymbolicName();
        context.registerService(Plugin.class, new Counting(events, name), null);
    }

    @Override
    public void stop(BundleContext context) {
        // its registrations go with its bundle
    }

    /** Acknowledges and counts. */
    public static final class Counting implements Plugin {

        private final EventBus events;
        private final String ack;
        private long handled;

        Counting(EventBus events, String name) {
            this.events = events;
            this.ack = name + ":ack";
        }

        @Override
        public void onEnable() {
            events.subscribe(ReloadRun.EVENT, HandlerOptions.defaults(), this::handle);
        }

        private void handle(Event event) {
            handled++;
            events.post(ack, Map.of("id", event.payload().get("id")));
        }

        @Override
        public Object saveState() {
            return Map.of("handled", handled);
        }

        @Override
        public void restoreState(Object state) {
            handled = ((Number) ((Map<?, ?>) state).get("handled")).longValue();
        }
    }
}
