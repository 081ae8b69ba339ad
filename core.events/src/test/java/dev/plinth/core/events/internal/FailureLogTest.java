package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.DetachedEventBus;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.internal.TestEvents.Bus;
import dev.plinth.core.events.internal.TestEvents.Ping;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** Handler failures reach the Log Service with the owner, the location and the event, and do not flood it. */
class FailureLogTest {

    /** What a logger was given: the format's argument and the exception. */
    record Logged(String message, Throwable failure) {}

    private final List<Logged> logged = new ArrayList<>();

    private LoggerFactory loggers() {
        Logger logger = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("error")) { // error("{}", message[, failure])
                        logged.add(new Logged((String) args[1], args.length > 2 ? (Throwable) args[2] : null));
                    }
                    return null;
                });
        return (LoggerFactory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LoggerFactory.class},
                (proxy, method, args) -> method.getName().equals("getLogger") ? logger : null);
    }

    @Test
    void aFailureIsLoggedWithItsOwnerLocationAndEvent() {
        var failure = new IllegalStateException("boom");
        var failures = new FailureLog();
        failures.bind(loggers());
        var handler = new Handler(new Owner("greeter", 0, null), Ping.class, e -> { }, EventPriority.HIGH, false,
                "main.lua:12", 0);
        handler.errors = 1;

        failures.handlerFailed(handler, new Ping(), failure);

        assertEquals(1, logged.size());
        assertEquals("event 'test:ping': handler main.lua:12 of greeter (HIGH) failed", logged.getFirst().message());
        assertSame(failure, logged.getFirst().failure());
    }

    @Test
    void aHandlerThatKeepsFailingIsLoggedInFullFiveTimesThenOnceInAHundred() {
        var failures = new FailureLog();
        failures.bind(loggers());
        var handler = new Handler(new Owner("greeter", 0, null), Ping.class, e -> { }, EventPriority.NORMAL, false,
                "Greeter.onPing", 0);

        for (int i = 1; i <= 300; i++) {
            handler.errors = i;
            failures.handlerFailed(handler, new Ping(), new RuntimeException());
        }

        assertEquals(FailureLog.LOGGED_IN_FULL + 3, logged.size());
        assertTrue(logged.getLast().message().endsWith("(300 failures so far, logging one in 100)"),
                logged.getLast().message());
    }

    @Test
    void theDispatcherLogsThroughTheBoundLogServiceAndFallsBackWhenItGoes() {
        Bus bus = new Bus();
        LoggerFactory factory = loggers();
        bus.dispatcher.bindLoggerFactory(factory);
        EventBus view = bus.open("faulty");
        view.subscribe(Ping.class, HandlerOptions.defaults().withLocation("thrower"), e -> {
            throw new IllegalArgumentException("bad");
        });

        view.post(new Ping());
        bus.dispatcher.unbindLoggerFactory(factory);
        view.post(new Ping()); // to the platform logger

        assertEquals(1, logged.size());
        assertTrue(logged.getFirst().message().contains("thrower of faulty"), logged.getFirst().message());
        assertEquals(2, view.statistics().getFirst().errors());
    }

    @Test
    void aDetachedBusLogsThroughTheLogServiceOfTheFrameworkBusAsItComesAndGoes() {
        var shared = new EventDispatcher(1);
        var buses = new BundleEventBuses(shared);
        try (DetachedEventBus detached = buses.detached()) {
            EventBus view = detached.open("script");
            view.subscribe(Ping.class, HandlerOptions.defaults().withLocation("thrower"), e -> {
                throw new IllegalArgumentException("bad");
            });
            LoggerFactory factory = loggers();
            shared.bindLoggerFactory(factory); // a Log Service that arrives after the bus opened

            view.post(new Ping());
            shared.unbindLoggerFactory(factory);
            view.post(new Ping()); // to the platform logger

            assertEquals(1, logged.size());
            assertTrue(logged.getFirst().message().contains("thrower of script"), logged.getFirst().message());
            assertEquals(2, view.statistics().getFirst().errors());
        }
    }
}
