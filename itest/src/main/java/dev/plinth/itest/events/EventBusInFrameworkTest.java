package dev.plinth.itest.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.Subscribe;
import dev.plinth.core.events.Subscription;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The event bus in a real Felix framework: a bundle-scoped service whose handlers belong to the bundle that got
 * it and go away when that bundle stops, ordered by the bundles' load order, with its shell commands.
 */
class EventBusInFrameworkTest {

    /** A typed event defined by this (test) bundle, not by the bus bundle. */
    static final class Ping implements Event {
        @Override
        public String name() {
            return "itest:ping";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of();
        }
    }

    /** A listener of another bundle than the bus: its method is bound by a hidden class of the bus bundle. */
    public static final class Listener {
        final List<String> calls;

        Listener(List<String> calls) {
            this.calls = calls;
        }

        @Subscribe(priority = EventPriority.HIGH)
        public void onPing(Ping ping) {
            calls.add("listener");
        }
    }

    private final BundleContext context = FrameworkUtil.getBundle(EventBusInFrameworkTest.class).getBundleContext();
    private final TestBundles bundles = new TestBundles(context);
    private final ServiceReference<EventBus> reference = context.getServiceReference(EventBus.class);
    private final EventBus bus = context.getService(reference);
    private final List<String> calls = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        subscriptions.forEach(Subscription::close);
        bundles.uninstallAll();
        context.ungetService(reference);
    }

    private static EventBus busOf(Bundle bundle) {
        BundleContext context = bundle.getBundleContext();
        return context.getService(context.getServiceReference(EventBus.class));
    }

    private List<String> owners() {
        return bus.statistics().stream().map(HandlerStats::owner).distinct().sorted().toList();
    }

    @Test
    void theBusIsABundleScopedServiceWithOneViewPerBundle() throws Exception {
        assertEquals(Constants.SCOPE_BUNDLE, reference.getProperty(Constants.SERVICE_SCOPE));
        Bundle a = bundles.start("itest.events.a");
        Bundle b = bundles.start("itest.events.b");

        EventBus busOfA = busOf(a);
        assertSame(busOfA, busOf(a), "one view per bundle");
        assertNotSame(busOfA, busOf(b));
        assertNotSame(busOfA, bus);
    }

    @Test
    void stoppingABundleRemovesEveryHandlerItSubscribed() throws Exception {
        Bundle alpha = bundles.start("itest.events.alpha");
        EventBus busOfAlpha = busOf(alpha);
        Subscription typed = busOfAlpha.subscribe(Ping.class, e -> calls.add("typed"));
        busOfAlpha.subscribe("itest:ping", HandlerOptions.at(EventPriority.MONITOR), e -> calls.add("named"));
        busOfAlpha.register(new Listener(calls));
        bus.post(new Ping());
        assertEquals(List.of("typed", "listener", "named"), calls);
        assertTrue(owners().contains("itest.events.alpha"), owners().toString());

        alpha.stop();
        calls.clear();
        bus.post(new Ping());

        assertEquals(List.of(), calls, "no handler of the stopped bundle runs");
        assertFalse(owners().contains("itest.events.alpha"), owners().toString());
        assertFalse(bus.hasHandlers(Ping.class));
        assertFalse(bus.hasHandlers("itest:ping"));
        assertFalse(typed.isActive());
    }

    @Test
    void ungettingTheBusRemovesTheHandlersToo() throws Exception {
        Bundle beta = bundles.start("itest.events.beta");
        BundleContext betaContext = beta.getBundleContext();
        ServiceReference<EventBus> ref = betaContext.getServiceReference(EventBus.class);
        betaContext.getService(ref).subscribe(Ping.class, e -> calls.add("beta"));
        assertTrue(bus.hasHandlers(Ping.class));

        betaContext.ungetService(ref);
        bus.post(new Ping());

        assertEquals(List.of(), calls);
        assertEquals(Bundle.ACTIVE, beta.getState());
    }

    @Test
    void equalPrioritiesRunInTheOrderTheBundlesFirstGotTheBus() throws Exception {
        EventBus early = busOf(bundles.start("itest.events.early"));
        EventBus late = busOf(bundles.start("itest.events.late"));
        late.subscribe(Ping.class, e -> calls.add("late"));
        early.subscribe(Ping.class, e -> calls.add("early"));
        late.subscribe(Ping.class, HandlerOptions.at(EventPriority.LOW), e -> calls.add("late-low"));

        bus.post(new Ping());

        assertEquals(List.of("late-low", "early", "late"), calls);
    }

    @Test
    void theOwnerOfAResourceBundleIsItsResourceName() throws Exception {
        EventBus busOfGreeter = busOf(bundles.start("com.example.greeter.bundle", "greeter"));
        subscriptions.add(bus.subscribe(Ping.class,
                e -> calls.add(bus.currentEnvelope().orElseThrow().source())));
        busOfGreeter.subscribe("itest:ping", HandlerOptions.defaults(), e -> { });

        busOfGreeter.post(new Ping());

        assertEquals(List.of("greeter"), calls, "the source of what it posts");
        assertTrue(owners().contains("greeter"), owners().toString());
        assertTrue(owners().contains("dev.plinth.itest"), "a bundle without the capability: its symbolic name");
    }

    @Test
    void theShellPostsNamedEventsAndShowsTheStatistics() throws Exception {
        List<Map<String, Object>> payloads = new ArrayList<>();
        subscriptions.add(bus.subscribe("itest:shell", HandlerOptions.defaults().withLocation("itest-handler"),
                e -> payloads.add(e.payload())));
        var refs = context.getServiceReferences((String) null, "(osgi.command.scope=event)");
        assertNotNull(refs, "the event commands are registered");
        var functions = Arrays.asList((String[]) refs[0].getProperty("osgi.command.function"));
        assertTrue(functions.containsAll(List.of("stats", "post", "listen", "unlisten")), functions.toString());

        var out = new ByteArrayOutputStream();
        CommandProcessor processor = context.getService(context.getServiceReference(CommandProcessor.class));
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)) {
            session.execute("event:listen itest:shell");
            Object posted = session.execute("event:post itest:shell count=3 ok=true who=bob");
            Object table = session.execute("event:stats");
            session.execute("event:unlisten itest:shell");

            assertEquals(List.of(Map.of("count", 3L, "ok", true, "who", "bob")), payloads);
            assertTrue(posted.toString().contains("to 2 handlers"), "ours and the console's listener: " + posted);
            assertTrue(table.toString().contains("itest-handler"), table.toString());
            assertTrue(table.toString().matches("(?s).*console\\s+itest:shell\\s+event:listen\\s+MONITOR\\s+1\\s.*"),
                    "the listener outlives the command call that subscribed it:\n" + table);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("[event] itest:shell {count=3, ok=true, who=bob}"),
                    out.toString(StandardCharsets.UTF_8));
        }
    }
}
