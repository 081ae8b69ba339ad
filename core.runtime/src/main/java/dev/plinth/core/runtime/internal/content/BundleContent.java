package dev.plinth.core.runtime.internal.content;

import dev.plinth.core.runtime.content.BlockType;
import dev.plinth.core.runtime.content.ContentRegistration;
import dev.plinth.core.runtime.content.EntityType;
import dev.plinth.core.runtime.content.GameContent;
import dev.plinth.core.runtime.content.ItemType;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.sim.SimContent;
import dev.plinth.core.runtime.internal.sim.SimServer;
import dev.plinth.core.runtime.internal.tick.GameLoop;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link GameContent} of one resource: one instance per bundle that uses the service. When the bundle releases
 * it (it stops), every type it registered is removed, at once on the game thread, else at the next tick boundary.
 * Thread-safe.
 */
@Component(service = GameContent.class, scope = ServiceScope.BUNDLE)
public final class BundleContent implements GameContent {

    private final Owner owner;
    private final SimServer server;
    private final GameLoop loop;
    private final Set<Registration> registered = ConcurrentHashMap.newKeySet();

    /**
     * Creates the content of the bundle that gets the service.
     *
     * @param context the component context, for the using bundle
     * @param server the simulated server
     * @param loop the game thread
     */
    @Activate
    public BundleContent(ComponentContext context, @Reference SimServer server, @Reference GameLoop loop) {
        this.owner = Owner.of(context.getUsingBundle());
        this.server = server;
        this.loop = loop;
    }

    /** Removes every type of the resource. */
    @Deactivate
    public void close() {
        registered.forEach(Registration::close);
    }

    @Override
    public ContentRegistration register(EntityType type) {
        return track(() -> server.content().add(owner, type));
    }

    @Override
    public ContentRegistration register(ItemType type) {
        return track(() -> server.content().add(owner, type));
    }

    @Override
    public ContentRegistration register(BlockType type) {
        return track(() -> server.content().add(owner, type));
    }

    @Override
    public Optional<EntityType> entityType(String id) {
        return server.content().entityType(id);
    }

    @Override
    public Optional<ItemType> itemType(String id) {
        return server.content().itemType(id);
    }

    @Override
    public Optional<BlockType> blockType(String id) {
        return server.content().blockType(id);
    }

    @Override
    public ContentIds ids() {
        return server.content().ids();
    }

    private ContentRegistration track(Supplier<SimContent.Handle> add) {
        var registration = new Registration(add.get());
        registered.add(registration);
        return registration;
    }

    /** One type of the resource, removed on the game thread. */
    private final class Registration implements ContentRegistration {
        private final SimContent.Handle handle;
        private final AtomicBoolean closed = new AtomicBoolean();

        Registration(SimContent.Handle handle) {
            this.handle = handle;
        }

        @Override
        public String id() {
            return handle.id();
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            registered.remove(this);
            if (loop.isGameThread()) {
                server.content().remove(handle);
                return;
            }
            try {
                loop.execute(() -> server.content().remove(handle));
            } catch (RejectedExecutionException e) {
                // the server stops: its worlds go with it
            }
        }
    }
}
