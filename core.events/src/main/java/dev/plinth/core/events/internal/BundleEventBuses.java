package dev.plinth.core.events.internal;

import dev.plinth.core.events.DetachedEventBus;
import dev.plinth.core.events.EventBuses;
import dev.plinth.core.events.OwnedEventBus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link EventBuses} service, one instance per bundle that uses it: what that bundle opened is closed when it
 * releases the service (when it stops, at the latest).
 *
 * <p>Thread-safe.
 */
@Component(service = EventBuses.class, scope = ServiceScope.BUNDLE)
public final class BundleEventBuses implements EventBuses {

    private final EventDispatcher dispatcher;
    private final Set<AutoCloseable> opened = ConcurrentHashMap.newKeySet();

    /**
     * Creates the service of one using bundle.
     *
     * @param dispatcher the framework's dispatcher; detached buses log their handlers' failures where it does
     */
    @Activate
    public BundleEventBuses(@Reference EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public OwnedEventBus open(String owner) {
        var view = OwnerView.open(dispatcher, owner, opened::remove);
        opened.add(view);
        return view;
    }

    @Override
    public DetachedEventBus detached() {
        var bus = new DetachedDispatcher(dispatcher.withOwnHandlers(), opened::remove);
        opened.add(bus);
        return bus;
    }

    /** The using bundle released the service: everything it opened closes. */
    @Deactivate
    void release() throws Exception {
        for (AutoCloseable open : Set.copyOf(opened)) {
            open.close();
        }
    }
}
