package dev.plinth.bedrock.packs.internal.entity;

import dev.plinth.bedrock.packs.internal.definition.EntityDefinition;
import dev.plinth.bedrock.packs.internal.world.PackWorld;
import dev.plinth.core.runtime.content.ControlledEntity;
import dev.plinth.core.runtime.content.EntityBehavior;
import dev.plinth.core.runtime.content.EntityType;
import dev.plinth.core.runtime.entity.SpawnReason;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A pack's entity type, registered with the simulated world: it makes a {@link PackEntity} for each new entity and
 * knows the living ones by id (for {@code sim:event}). Game thread only.
 */
public final class PackEntityType implements EntityType {

    private final String pack;
    private final EntityDefinition definition;
    private final PackWorld world;
    private final Map<Long, PackEntity> living = new HashMap<>();

    /**
     * Creates the type.
     *
     * @param pack the pack that defines it
     * @param definition its definition
     * @param world the shared world services
     */
    public PackEntityType(String pack, EntityDefinition definition, PackWorld world) {
        this.pack = pack;
        this.definition = definition;
        this.world = world;
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public boolean summonable() {
        return definition.summonable();
    }

    @Override
    public boolean spawnable() {
        return definition.spawnable();
    }

    @Override
    public EntityBehavior create(ControlledEntity entity, SpawnReason reason) {
        var created = new PackEntity(this, entity, world);
        living.put(entity.id(), created);
        return created;
    }

    /**
     * A living entity of this type.
     *
     * @param id the entity's number
     * @return its behavior, or empty
     */
    public Optional<PackEntity> entity(long id) {
        return Optional.ofNullable(living.get(id)).filter(e -> e.entity().isValid());
    }

    /** {@return how many entities of this type live} */
    public int living() {
        return living.size();
    }

    void forget(PackEntity entity) {
        living.remove(entity.entity().id());
    }

    /** {@return the pack that defines it} */
    public String pack() {
        return pack;
    }

    /** {@return its definition} */
    public EntityDefinition definition() {
        return definition;
    }
}
