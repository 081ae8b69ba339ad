package dev.plinth.core.events.internal;

import dev.plinth.core.events.DetachedEventBus;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.OwnedEventBus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.osgi.service.log.LoggerFactory;

/**
 * A {@link DetachedEventBus}: a dispatcher of its own and the views opened on it.
 *
 * <p>Thread-safe.
 */
final class DetachedDispatcher implements DetachedEventBus {

    private final EventDispatcher dispatcher = new EventDispatcher(EventDispatcher.DEFAULT_TIMING_RATE);
    private final Set<OwnerView> views = ConcurrentHashMap.newKeySet();
    private final Consumer<DetachedDispatcher> onClose;
    private volatile boolean closed;

    DetachedDispatcher(@Nullable LoggerFactory loggers, Consumer<DetachedDispatcher> onClose) {
        if (loggers != null) {
            dispatcher.bindLoggerFactory(loggers);
        }
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
