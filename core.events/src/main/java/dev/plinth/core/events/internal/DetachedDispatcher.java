package dev.plinth.core.events.internal;

import dev.plinth.core.events.DetachedEventBus;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.OwnedEventBus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link DetachedEventBus}: a dispatcher of its own and the views opened on it.
 *
 * <p>Thread-safe.
 */
final class DetachedDispatcher implements DetachedEventBus {

    private final EventDispatcher dispatcher;
    private final Set<OwnerView> views = ConcurrentHashMap.newKeySet();
    private final Consumer<DetachedDispatcher> onClose;
    private volatile boolean closed;

    /**
     * Creates a detached bus.
     *
     * @param dispatcher its own dispatcher ({@link EventDispatcher#withOwnHandlers()})
     * @param onClose told once when it closes
     */
    DetachedDispatcher(EventDispatcher dispatcher, Consumer<DetachedDispatcher> onClose) {
        this.dispatcher = dispatcher;
        this.onClose = onClose;
    }

    @Override
    public OwnedEventBus open(String owner) {
        if (closed) {
            throw new EventException("the detached event bus is closed: '" + owner + "' cannot join it");
        }
        var view = OwnerView.open(dispatcher, owner, views::remove);
        views.add(view);
        return view;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            views.forEach(OwnerView::close);
            dispatcher.close();
            onClose.accept(this);
        }
    }
}
