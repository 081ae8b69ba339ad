package dev.plinth.itest.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The framework's service events stay out of the log (they arrive on the game thread during a reload, and the log
 * service takes a stack trace for each), while log lines, bundle events and service trackers work as before.
 */
class ServiceEventLogTest {

    private final BundleContext context = FrameworkUtil.getBundle(ServiceEventLogTest.class).getBundleContext();

    /** A service type of this test's own, so that the tracker below sees only the test's registration. */
    interface Marker { }

    @Test
    void serviceEventsAreNotLoggedLogLinesAndTrackersStillWork() throws Exception {
        LogReaderService reader = service(LogReaderService.class);
        var entries = new LinkedBlockingQueue<LogEntry>();
        LogListener listener = entries::add; // the log service tells its listeners on a thread of its own
        reader.addLogListener(listener);
        var tracker = new ServiceTracker<Marker, Marker>(context, Marker.class, null);
        tracker.open();
        try {
            var registration = context.registerService(Marker.class, new Marker() { }, null);
            assertEquals(1, tracker.size(), "a service tracker still sees the registration");
            registration.unregister();
            assertEquals(0, tracker.size(), "and the unregistration");
            service(LoggerFactory.class).getLogger(ServiceEventLogTest.class).warn("service-event-log-test marker");

            var seen = new ArrayList<String>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!seen.contains("service-event-log-test marker") && System.nanoTime() < deadline) {
                LogEntry entry = entries.poll(100, TimeUnit.MILLISECONDS);
                if (entry != null) {
                    seen.add(entry.getMessage());
                }
            }
            assertTrue(seen.contains("service-event-log-test marker"), "a log line is logged: " + seen);
            assertTrue(seen.stream().noneMatch(message -> String.valueOf(message).startsWith("ServiceEvent")),
                    "no service event is logged: " + seen);
        } finally {
            tracker.close();
            reader.removeLogListener(listener);
        }
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        assertNotNull(ref, type.getSimpleName() + " is registered");
        return context.getService(ref);
    }
}
