package dev.plinth.core.runtime.event.entity;

import dev.plinth.core.events.EventName;
import dev.plinth.core.events.MutableEvent;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.item.ItemStack;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entity that is not a player died (players have {@code player_death}). Handlers may change what it drops and
 * the experience it leaves. Posted on the game thread, before the drops fall.
 */
@EventName(EntityDeathEvent.NAME)
public final class EntityDeathEvent extends MutableEvent {

    /** The event's name. */
    public static final String NAME = "entity_death";

    private final Entity entity;
    private final DamageCause cause;
    private List<ItemStack> drops;
    private int xp;

    /**
     * Creates the event.
     *
     * @param entity who died
     * @param cause of what
     * @param drops what it drops
     * @param xp the experience it leaves
     */
    public EntityDeathEvent(Entity entity, DamageCause cause, List<ItemStack> drops, int xp) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.cause = Objects.requireNonNull(cause, "cause");
        this.drops = List.copyOf(drops);
        this.xp = xp;
    }

    /** {@return the entity that died} */
    public Entity entity() {
        return entity;
    }

    /** {@return what killed it} */
    public DamageCause cause() {
        return cause;
    }

    /** {@return the items it drops} */
    public List<ItemStack> drops() {
        return drops;
    }

    /**
     * Changes what it drops.
     *
     * @param drops the new drops (copied)
     */
    public void setDrops(List<ItemStack> drops) {
        checkMutable();
        this.drops = List.copyOf(drops);
    }

    /** {@return the experience points it leaves} */
    public int xp() {
        return xp;
    }

    /**
     * Changes the experience it leaves.
     *
     * @param xp at least 0
     * @throws IllegalArgumentException when negative
     */
    public void setXp(int xp) {
        checkMutable();
        if (xp < 0) {
            throw new IllegalArgumentException("xp must be at least 0, not " + xp);
        }
        this.xp = xp;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("entity", entity.id(), "entity_type", entity.type(), "cause", cause.id(),
                "drops", drops.stream().map(ItemStack::asMap).toList(), "xp", xp);
    }
}
