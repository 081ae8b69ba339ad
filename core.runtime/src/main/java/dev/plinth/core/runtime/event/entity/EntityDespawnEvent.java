package dev.plinth.core.runtime.event.entity;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.entity.DespawnReason;
import dev.plinth.core.runtime.entity.Entity;
import java.util.Map;
import java.util.Objects;

/**
 * An entity left its world without dying: a plugin removed it, or its type was removed (the behavior pack that
 * defined it stopped). Posted on the game thread, just before it leaves; it cannot be cancelled.
 */
@EventName(EntityDespawnEvent.NAME)
public final class EntityDespawnEvent implements Event {

    /** The event's name. */
    public static final String NAME = "entity_despawn";

    private final Entity entity;
    private final DespawnReason reason;

    /**
     * Creates the event.
     *
     * @param entity the entity
     * @param reason why it goes
     */
    public EntityDespawnEvent(Entity entity, DespawnReason reason) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return the entity that goes} */
    public Entity entity() {
        return entity;
    }

    /** {@return why it goes} */
    public DespawnReason reason() {
        return reason;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("entity", entity.id(), "entity_type", entity.type(), "reason", reason.id());
    }
}
