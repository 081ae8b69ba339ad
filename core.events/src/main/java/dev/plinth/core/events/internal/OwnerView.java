package dev.plinth.core.events.internal;

import dev.plinth.core.events.OwnedEventBus;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An {@link OwnedEventBus}: the view of an owner that is not a bundle, which its opener closes.
 *
 * <p>Thread-safe.
 */
final class OwnerView extends BundleEventBus implements OwnedEventBus {

    private final EventDispatcher dispatcher;
    private final Owner owner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<OwnerView> onClose;

    private OwnerView(EventDispatcher dispatcher, Owner owner, Consumer<OwnerView> onClose) {
        super(dispatcher, owner);
        this.dispatcher = dispatcher;
        this.owner = owner;
        this.onClose = onClose;
    }

    /**
     * Opens a view.
     *
     * @param dispatcher the bus
     * @param label the owner's name
     * @param onClose told when the view closes
     * @return the view
     */
    static OwnerView open(EventDispatcher dispatcher, String label, Consumer<OwnerView> onClose) {
        return new OwnerView(dispatcher, dispatcher.join(label, null), onClose);
    }

    @Override
    public String owner() {
        return owner.label();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            dispatcher.leave(owner);
            onClose.accept(this);
        }
    }
}
