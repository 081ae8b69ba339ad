package dev.plinth.core.runtime.internal.log;

import java.util.Collection;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * Keeps the framework's service events out of the log: the log service (Felix Log) listens to every service event
 * without a filter and makes a log entry of each, with a full stack trace of the thread to find its caller, and wakes
 * its listener thread. Service events are delivered on the thread that registers or unregisters the service, which
 * in a reload or a resource's start and stop is the game thread, once for each handler, command and service the
 * resource has. This hook takes the log service's unfiltered listener out of every service event's delivery; its
 * other listeners (service trackers, which have filters) and every other bundle's still get them, and bundle and
 * framework events are still logged.
 *
 * <p>Called by the framework on the thread that fires the event; keeps no state but the log bundle's id.
 */
@Component(service = EventListenerHook.class)
public final class ServiceEventLogHook implements EventListenerHook {

    private final long logBundle;

    /**
     * Creates the hook for the bundle that provides the log service.
     *
     * @param logAdmin the log service's admin, registered by the log implementation's bundle
     */
    @Activate
    public ServiceEventLogHook(@Reference(service = LoggerAdmin.class) ServiceReference<LoggerAdmin> logAdmin) {
        this.logBundle = logAdmin.getBundle().getBundleId();
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        for (var entry : listeners.entrySet()) {
            if (bundleOf(entry.getKey()) == logBundle) {
                entry.getValue().removeIf(listener -> listener.getFilter() == null);
                return;
            }
        }
    }

    /** {@return the id of the context's bundle, -1 when the bundle stopped meanwhile (its context is no longer valid)} */
    private static long bundleOf(BundleContext context) {
        try {
            return context.getBundle().getBundleId();
        } catch (IllegalStateException e) {
            return -1;
        }
    }
}
