package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.content.BlockType;
import dev.plinth.core.runtime.content.EntityType;
import dev.plinth.core.runtime.content.GameContent.ContentIds;
import dev.plinth.core.runtime.content.ItemType;
import dev.plinth.core.runtime.entity.DespawnReason;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.sim.TypeStack.Registered;
import dev.plinth.core.runtime.item.ItemStack;
import java.util.Optional;
import org.osgi.service.log.Logger;

/**
 * The entity, item and block types resources registered, as the simulated world uses them. Game thread only
 * ({@link SimServer#checkThread}).
 */
public final class SimContent {

    /**
     * A registration held by its resource: removing it takes the type out of use.
     */
    public sealed interface Handle permits EntityHandle, ItemHandle, BlockHandle {
        /** {@return the registered id} */
        String id();
    }

    record EntityHandle(Registered<EntityType> registered) implements Handle {
        @Override
        public String id() {
            return registered.id();
        }
    }

    record ItemHandle(Registered<ItemType> registered) implements Handle {
        @Override
        public String id() {
            return registered.id();
        }
    }

    record BlockHandle(Registered<BlockType> registered) implements Handle {
        @Override
        public String id() {
            return registered.id();
        }
    }

    private final SimServer server;
    private final Logger logger;
    private final TypeStack<EntityType> entities = new TypeStack<>("entity");
    private final TypeStack<ItemType> items = new TypeStack<>("item");
    private final TypeStack<BlockType> blocks = new TypeStack<>("block");

    SimContent(SimServer server, Logger logger) {
        this.server = server;
        this.logger = logger;
    }

    /**
     * Registers an entity type for a resource.
     *
     * @throws IllegalArgumentException when the resource registered the id already or the id is malformed
     */
    public Handle add(Owner owner, EntityType type) {
        server.checkThread();
        var registered = new Registered<>(Identifier.normalize(type.id()), type, owner);
        entities.add(registered).ifPresent(before -> overridden("entity", registered, before));
        return new EntityHandle(registered);
    }

    /**
     * Registers an item type for a resource.
     *
     * @throws IllegalArgumentException when the resource registered the id already, the id is malformed or the
     *     stack size is out of range
     */
    public Handle add(Owner owner, ItemType type) {
        server.checkThread();
        int max = type.maxStackSize();
        if (max < 1 || max > ItemStack.MAX_STACK) {
            throw new IllegalArgumentException("item " + type.id() + ": a stack holds 1 to " + ItemStack.MAX_STACK
                    + " items, not " + max);
        }
        var registered = new Registered<>(Identifier.normalize(type.id()), type, owner);
        items.add(registered).ifPresent(before -> overridden("item", registered, before));
        return new ItemHandle(registered);
    }

    /**
     * Registers a block type for a resource.
     *
     * @throws IllegalArgumentException when the resource registered the id already or the id is malformed
     */
    public Handle add(Owner owner, BlockType type) {
        server.checkThread();
        var registered = new Registered<>(Identifier.normalize(type.id()), type, owner);
        blocks.add(registered).ifPresent(before -> overridden("block", registered, before));
        return new BlockHandle(registered);
    }

    /**
     * Takes a registration out of use; the entities an entity type made despawn ({@code entity_despawn}, reason
     * {@code type_removed}).
     */
    public void remove(Handle handle) {
        server.checkThread();
        switch (handle) {
            case EntityHandle h -> {
                if (entities.remove(h.registered())) {
                    server.worlds().forEach(world -> world.despawnAll(h.registered(), DespawnReason.TYPE_REMOVED));
                }
            }
            case ItemHandle h -> items.remove(h.registered());
            case BlockHandle h -> blocks.remove(h.registered());
        }
    }

    /** {@return the entity type registration in use for an id} */
    Optional<Registered<EntityType>> entityRegistration(String id) {
        return entities.active(id);
    }

    /** {@return the entity type in use for an id} */
    public Optional<EntityType> entityType(String id) {
        server.checkThread();
        return entities.active(Identifier.normalize(id)).map(Registered::type);
    }

    /** {@return the item type in use for an id} */
    public Optional<ItemType> itemType(String id) {
        server.checkThread();
        return items.active(Identifier.normalize(id)).map(Registered::type);
    }

    /** {@return the block type in use for an id} */
    public Optional<BlockType> blockType(String id) {
        server.checkThread();
        return blocks.active(Identifier.normalize(id)).map(Registered::type);
    }

    /** {@return the ids in use} */
    public ContentIds ids() {
        server.checkThread();
        return new ContentIds(entities.ids(), items.ids(), blocks.ids());
    }

    /** {@return how many of an item one slot holds} */
    int maxStack(String itemId) {
        return items.active(itemId).map(r -> r.type().maxStackSize()).orElse(ItemStack.MAX_STACK);
    }

    private void overridden(String kind, Registered<?> now, Registered<?> before) {
        if (!now.owner().equals(before.owner())) {
            logger.info("{} type {} of {} replaces the one of {} while it is registered", kind, now.id(),
                    now.owner(), before.owner());
        }
    }
}
