package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.events.Cancellable;
import dev.plinth.core.events.Event;
import dev.plinth.core.events.ReadOnlyEventException;
import dev.plinth.core.runtime.event.entity.EntityDamageEvent;
import dev.plinth.core.runtime.event.entity.EntityDeathEvent;
import dev.plinth.core.runtime.event.entity.EntityExplodeEvent;
import dev.plinth.core.runtime.event.entity.EntitySpawnEvent;
import dev.plinth.core.runtime.event.player.PlayerBreakBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.event.player.PlayerDeathEvent;
import dev.plinth.core.runtime.event.player.PlayerEvent;
import dev.plinth.core.runtime.event.player.PlayerInteractEvent;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.event.player.PlayerPlaceBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerQuitEvent;
import dev.plinth.core.runtime.event.world.BlockUpdateEvent;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.lang.js.internal.binding.HostObjects;
import dev.plinth.lang.js.internal.binding.Members;
import dev.plinth.lang.js.internal.binding.PlainValues;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;

/**
 * An event as a script handler sees it, the same names as in Lua: {@code event.name}, the game objects it carries
 * ({@code event.player}, {@code event.entity}, {@code event.killer}, {@code event.attacker}), the block as an object
 * ({@code event.block.name}), every other payload field as a plain value ({@code event.message},
 * {@code event.action}), the writable fields ({@code event.message = "..."}) and {@code event.cancel()}. MONITOR
 * handlers get a read-only view: setting a field or cancelling throws.
 *
 * <p>Refusals are thrown as ordinary exceptions ({@link ReadOnlyEventException}, {@link IllegalArgumentException},
 * {@link IllegalStateException}), which reach the script as errors with their message: GraalJS turns an
 * {@link UnsupportedOperationException} from a proxy into its own message-less "not supported" error.
 */
public final class EventView extends Members {

    private static final List<String> BASE = List.of("name", "player", "entity", "killer", "attacker", "block",
            "cancelled", "message", "cancel", "is_cancelled", "set_cancelled", "payload");

    private final Event event;
    private final boolean mutable;
    private final HostObjects objects;

    /**
     * Wraps an event.
     *
     * @param event the event
     * @param mutable false for MONITOR handlers
     * @param objects the resource's host objects, for {@code event.player} and the other game objects
     */
    public EventView(Event event, boolean mutable, HostObjects objects) {
        this.event = event;
        this.mutable = mutable;
        this.objects = objects;
    }

    @Override
    protected List<String> keys() {
        var keys = new ArrayList<>(BASE);
        event.payload().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    /** Tells whether a member is there without wrapping a game object or building a method (GraalJS asks first). */
    @Override
    protected boolean has(String key) {
        return switch (key) {
            case "name", "cancelled", "cancel", "is_cancelled", "set_cancelled", "payload" -> true;
            case "player" -> player(event) != null;
            case "entity" -> entityOf(event) != null;
            case "killer" -> event instanceof PlayerDeathEvent death && death.killer().isPresent();
            case "attacker" -> event instanceof EntityDamageEvent damage && damage.attacker().isPresent();
            case "message" -> event instanceof PlayerChatEvent chat ? chat.message() != null
                    : payload("message") != null;
            default -> member(key) != null;
        };
    }

    @Override
    protected @Nullable Object member(String key) {
        return switch (key) {
            case "name" -> event.name();
            case "player" -> objects.wrap(GameObjects.PLAYER, player(event));
            case "entity" -> GameObjects.entity(objects, entityOf(event));
            case "killer" -> event instanceof PlayerDeathEvent death
                    ? GameObjects.entity(objects, death.killer().orElse(null)) : null;
            case "attacker" -> event instanceof EntityDamageEvent damage
                    ? GameObjects.entity(objects, damage.attacker().orElse(null)) : null;
            case "block" -> block(event);
            case "cancelled" -> event instanceof Cancellable c && c.isCancelled();
            case "message" -> event instanceof PlayerChatEvent chat ? chat.message() : payload("message");
            case "cancel" -> (ProxyExecutable) args -> {
                cancellable().setCancelled(true);
                return null;
            };
            case "is_cancelled" -> (ProxyExecutable) args -> event instanceof Cancellable c && c.isCancelled();
            case "set_cancelled" -> (ProxyExecutable) args -> {
                cancellable().setCancelled(args.length > 0 && args[0].isBoolean() && args[0].asBoolean());
                return null;
            };
            case "payload" -> (ProxyExecutable) args -> PlainValues.toScript(event.payload());
            default -> payload(key);
        };
    }

    @Override
    protected void set(String key, Value value) {
        writable();
        switch (key) {
            case "cancelled" -> cancellable().setCancelled(value.isBoolean() && value.asBoolean());
            case "message" -> as(PlayerChatEvent.class).setMessage(text(value, key));
            case "format" -> as(PlayerChatEvent.class).setFormat(text(value, key));
            case "join_message" -> as(PlayerJoinEvent.class).setJoinMessage(text(value, key));
            case "quit_message" -> as(PlayerQuitEvent.class).setQuitMessage(text(value, key));
            case "death_message" -> as(PlayerDeathEvent.class).setDeathMessage(text(value, key));
            case "keep_inventory" -> as(PlayerDeathEvent.class).setKeepInventory(value.isBoolean() && value.asBoolean());
            case "damage" -> as(EntityDamageEvent.class).setDamage((float) number(value, key));
            case "xp" -> as(EntityDeathEvent.class).setXp((int) number(value, key));
            default -> throw new IllegalArgumentException("event '" + event.name() + "' has no field '" + key
                    + "' to set");
        }
    }

    private @Nullable Object payload(String key) {
        return PlainValues.toScript(event.payload().get(key));
    }

    private void writable() {
        if (!mutable) {
            throw new ReadOnlyEventException(event.name());
        }
    }

    private Cancellable cancellable() {
        writable();
        if (event instanceof Cancellable cancellable) {
            return cancellable;
        }
        throw new IllegalStateException("event '" + event.name() + "' cannot be cancelled");
    }

    private <E extends Event> E as(Class<E> type) {
        if (type.isInstance(event)) {
            return type.cast(event);
        }
        throw new IllegalArgumentException("event '" + event.name() + "' has no such field to set");
    }

    private static String text(Value value, String key) {
        if (!value.isString()) {
            throw new IllegalArgumentException("event." + key + " must be a string");
        }
        return value.asString();
    }

    private static double number(Value value, String key) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException("event." + key + " must be a number");
        }
        return value.asDouble();
    }

    private static @Nullable Player player(Event event) {
        return event instanceof PlayerEvent playerEvent ? playerEvent.player() : null;
    }

    private static @Nullable Entity entityOf(Event event) {
        return switch (event) {
            case EntityDamageEvent e -> e.entity();
            case EntityDeathEvent e -> e.entity();
            case EntitySpawnEvent e -> e.entity();
            case EntityExplodeEvent e -> e.entity();
            case PlayerInteractEvent e -> e.target().orElse(null);
            default -> null;
        };
    }

    private @Nullable Object block(Event event) {
        return switch (event) {
            case PlayerBreakBlockEvent e -> Positions.block(e.block(), e.position());
            case PlayerPlaceBlockEvent e -> Positions.block(e.block(), e.position());
            case BlockUpdateEvent e -> Positions.block(e.newBlock(), e.position());
            case PlayerInteractEvent e when e.targetBlock().isPresent() && e.targetPosition().isPresent() ->
                    Positions.block(e.targetBlock().get(), e.targetPosition().get());
            default -> payload("block");
        };
    }

    @Override
    public String toString() {
        return "event: " + event.name();
    }
}
