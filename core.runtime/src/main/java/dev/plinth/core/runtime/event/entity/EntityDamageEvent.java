package dev.plinth.core.runtime.event.entity;

import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.EventName;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity (a player too) is about to take damage. Handlers may change the amount; cancelled, the entity takes
 * none. Posted on the game thread.
 */
@EventName(EntityDamageEvent.NAME)
public final class EntityDamageEvent extends CancellableEvent {

    /** The event's name. */
    public static final String NAME = "entity_damage";

    private final Entity entity;
    private final DamageCause cause;
    private final Optional<Entity> attacker;
    private float damage;

    /**
     * Creates the event.
     *
     * @param entity who is hurt
     * @param damage how much, in health points
     * @param cause why
     * @param attacker who hits, if anyone
     */
    public EntityDamageEvent(Entity entity, float damage, DamageCause cause, Optional<Entity> attacker) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.damage = damage;
        this.cause = Objects.requireNonNull(cause, "cause");
        this.attacker = Objects.requireNonNull(attacker, "attacker");
    }

    /** {@return the entity that is hurt} */
    public Entity entity() {
        return entity;
    }

    /** {@return the damage in health points} */
    public float damage() {
        return damage;
    }

    /**
     * Changes the damage.
     *
     * @param damage the new amount, at least 0
     * @throws IllegalArgumentException when negative or not a number
     */
    public void setDamage(float damage) {
        checkMutable();
        if (!(damage >= 0)) {
            throw new IllegalArgumentException("damage must be at least 0, not " + damage);
        }
        this.damage = damage;
    }

    /** {@return why the entity is hurt} */
    public DamageCause cause() {
        return cause;
    }

    /** {@return the entity that hits, if any} */
    public Optional<Entity> attacker() {
        return attacker;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("entity", entity.id());
        payload.put("entity_type", entity.type());
        payload.put("damage", damage);
        payload.put("cause", cause.id());
        attacker.ifPresent(a -> payload.put("attacker", a.id()));
        return Collections.unmodifiableMap(payload);
    }
}
