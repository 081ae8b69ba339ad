package dev.plinth.core.runtime.event.player;

import dev.plinth.core.events.EventName;
import dev.plinth.core.events.MutableEvent;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A player died. The death message (when not empty) goes to every online player; unless {@link #keepInventory()},
 * the inventory is dropped where the player died. The player respawns right after. Posted on the game thread.
 */
@EventName(PlayerDeathEvent.NAME)
public final class PlayerDeathEvent extends MutableEvent implements PlayerEvent {

    /** The event's name. */
    public static final String NAME = "player_death";

    private final Player player;
    private final DamageCause cause;
    private final Optional<Entity> killer;
    private String deathMessage;
    private boolean keepInventory;

    /**
     * Creates the event.
     *
     * @param player who died
     * @param cause of what
     * @param killer who killed them, if anyone
     * @param deathMessage what everyone reads
     * @param keepInventory whether they keep their items
     */
    public PlayerDeathEvent(Player player, DamageCause cause, Optional<Entity> killer, String deathMessage,
            boolean keepInventory) {
        this.player = Objects.requireNonNull(player, "player");
        this.cause = Objects.requireNonNull(cause, "cause");
        this.killer = Objects.requireNonNull(killer, "killer");
        this.deathMessage = Objects.requireNonNull(deathMessage, "deathMessage");
        this.keepInventory = keepInventory;
    }

    /** {@return the player who died} */
    public Player player() {
        return player;
    }

    /** {@return what killed the player} */
    public DamageCause cause() {
        return cause;
    }

    /** {@return the entity that killed the player, if any} */
    public Optional<Entity> killer() {
        return killer;
    }

    /** {@return what every online player reads; empty for nothing} */
    public String deathMessage() {
        return deathMessage;
    }

    /**
     * Changes the death message.
     *
     * @param deathMessage the new message; empty for none
     */
    public void setDeathMessage(String deathMessage) {
        checkMutable();
        this.deathMessage = Objects.requireNonNull(deathMessage, "deathMessage");
    }

    /** {@return whether the player keeps their inventory} */
    public boolean keepInventory() {
        return keepInventory;
    }

    /**
     * Decides whether the player keeps their inventory.
     *
     * @param keepInventory {@code true} to keep it, {@code false} to drop it
     */
    public void setKeepInventory(boolean keepInventory) {
        checkMutable();
        this.keepInventory = keepInventory;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("player", player.name());
        payload.put("cause", cause.id());
        killer.ifPresent(entity -> payload.put("killer", entity.id()));
        payload.put("death_message", deathMessage);
        payload.put("keep_inventory", keepInventory);
        return Collections.unmodifiableMap(payload);
    }
}
