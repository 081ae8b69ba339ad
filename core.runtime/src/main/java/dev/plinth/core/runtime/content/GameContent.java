package dev.plinth.core.runtime.content;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The entity, item and block types a resource adds to the world. A bundle-scoped service: what a resource registers
 * through its own instance belongs to it and is removed when its bundle stops (entities of a removed type despawn,
 * each with an {@code entity_despawn} event).
 *
 * <p>When two resources register the same id, the later registration is the one in use until it is removed; the
 * earlier one is then in use again. Entities keep the type that created them.
 *
 * <p>Thread rule: {@code register*} and the look-ups run on the game thread (elsewhere: {@link WrongThreadException});
 * closing a registration is allowed from any thread (off the game thread, the removal is queued for the next tick
 * boundary).
 */
@ProviderType
public interface GameContent {

    /**
     * Adds an entity type: {@code World.spawnEntity} with its id then makes entities that it controls.
     *
     * @param type the type
     * @return the registration, to remove it earlier than the bundle's stop
     * @throws IllegalArgumentException when this resource registered the id already
     */
    ContentRegistration register(EntityType type);

    /**
     * Adds an item type.
     *
     * @param type the type
     * @return the registration
     * @throws IllegalArgumentException when this resource registered the id already
     */
    ContentRegistration register(ItemType type);

    /**
     * Adds a block type.
     *
     * @param type the type
     * @return the registration
     * @throws IllegalArgumentException when this resource registered the id already
     */
    ContentRegistration register(BlockType type);

    /**
     * The entity type in use for an id, from any resource.
     *
     * @param id a namespaced id ({@code custom:guard})
     * @return the type, or empty when no resource registered it
     */
    Optional<EntityType> entityType(String id);

    /**
     * The item type in use for an id, from any resource.
     *
     * @param id a namespaced id
     * @return the type, or empty
     */
    Optional<ItemType> itemType(String id);

    /**
     * The block type in use for an id, from any resource.
     *
     * @param id a namespaced id
     * @return the type, or empty
     */
    Optional<BlockType> blockType(String id);

    /**
     * The ids of every type in use, of every resource.
     *
     * @return entity, item and block ids, each list sorted
     */
    ContentIds ids();

    /**
     * The ids of the types in use.
     *
     * @param entities entity type ids
     * @param items item type ids
     * @param blocks block type ids
     */
    record ContentIds(List<String> entities, List<String> items, List<String> blocks) {
        /** Copies the lists. */
        public ContentIds {
            entities = List.copyOf(entities);
            items = List.copyOf(items);
            blocks = List.copyOf(blocks);
        }
    }
}
