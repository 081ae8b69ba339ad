package dev.plinth.core.runtime.event.entity;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.entity.SpawnReason;
import dev.plinth.core.runtime.world.Position;
import java.util.Map;
import java.util.Objects;

/**
 * An entity is about to appear in a world. Cancelled, it does not: {@link Entity#isValid()} stays {@code false}.
 * Posted on the game thread; not posted for players (they have {@code player_join}).
 */
@EventName(EntitySpawnEvent.NAME)
public final class EntitySpawnEvent extends CancellableEvent {

    /** The event's name. */
    public static final String NAME = "entity_spawn";

    private final Entity entity;
    private final Position position;
    private final SpawnReason spawnReason;

    /**
     * Creates the event.
     *
     * @param entity the entity, not yet in its world
     * @param position where it appears
     * @param spawnReason why
     */
    public EntitySpawnEvent(Entity entity, Position position, SpawnReason spawnReason) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.position = Objects.requireNonNull(position, "position");
        this.spawnReason = Objects.requireNonNull(spawnReason, "spawnReason");
    }

    /** {@return the entity that appears} */
    public Entity entity() {
        return entity;
    }

    /** {@return where it appears} */
    public Position position() {
        return position;
    }

    /** {@return why it appears} */
    public SpawnReason spawnReason() {
        return spawnReason;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("entity", entity.id(), "entity_type", entity.type(), "position", position.asMap(),
                "spawn_reason", spawnReason.id());
    }
}
