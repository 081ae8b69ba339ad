package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.events.Cancellable;
import dev.plinth.core.events.Event;
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
import dev.plinth.core.runtime.player.Player;
import dev.plinth.lang.lua.internal.binding.HostType;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * An event as a Lua handler sees it: {@code event.name}, the game objects it carries as host types
 * ({@code event.player}, {@code event.entity}, {@code event.killer}), the block as a table ({@code event.block.name}),
 * every other payload field as a plain value ({@code event.message}, {@code event.action}, {@code event.target_block}),
 * the writable fields ({@code event.message = "..."}) and {@code event:cancel()}. MONITOR handlers get the
 * {@link #READ_ONLY} view, whose setters and {@code cancel} raise an error.
 */
final class EventType {

    /** The view of handlers that may change the event. */
    static final HostType<Event> MUTABLE = describe(HostType.builder("event", Event.class), true).build();
    /** The view of MONITOR handlers. */
    static final HostType<Event> READ_ONLY = describe(HostType.builder("event", Event.class), false).build();

    private EventType() {}

    private static HostType.Builder<Event> describe(HostType.Builder<Event> builder, boolean mutable) {
        builder.describedAs(event -> "event: " + event.name())
                .field("name", event -> LuaValue.valueOf(event.name()))
                .field("player", event -> PlayerType.TYPE.wrapOrNil(player(event)))
                .field("entity", EventType::entity)
                .field("killer", event -> switch (event) {
                    case PlayerDeathEvent death -> EntityType.wrap(death.killer().orElse(null));
                    default -> LuaValue.NIL;
                })
                .field("attacker", event -> switch (event) {
                    case EntityDamageEvent damage -> EntityType.wrap(damage.attacker().orElse(null));
                    default -> LuaValue.NIL;
                })
                .field("block", EventType::block)
                .field("cancelled", event -> LuaValue.valueOf(event instanceof Cancellable c && c.isCancelled()))
                .field("message", event -> switch (event) {
                    case PlayerChatEvent chat -> LuaValue.valueOf(chat.message());
                    default -> payloadField(event, "message");
                })
                .fallback((event, key) -> payloadField(event, key.tojstring()))
                .method("is_cancelled", event -> LuaValue.valueOf(event instanceof Cancellable c && c.isCancelled()))
                .method("payload", event -> PlainValues.toLua(event.payload()));
        if (!mutable) {
            builder.method("cancel", event -> {
                throw new LuaError("event '" + event.name() + "' is read-only for MONITOR handlers");
            });
            return builder;
        }
        return builder
                .holding(EventType::setTexts)
                .method("cancel", event -> {
                    cancellable(event).setCancelled(true);
                    return LuaValue.NONE;
                })
                .method("set_cancelled", (event, cancelled) -> {
                    cancellable(event).setCancelled(cancelled.toboolean());
                    return LuaValue.NONE;
                })
                .setter("cancelled", (event, value) -> cancellable(event).setCancelled(value.toboolean()))
                .setter("message", (event, value) -> chat(event).setMessage(value.checkjstring()))
                .setter("format", (event, value) -> chat(event).setFormat(value.checkjstring()))
                .setter("join_message", (event, value) -> as(event, PlayerJoinEvent.class).setJoinMessage(value.checkjstring()))
                .setter("quit_message", (event, value) -> as(event, PlayerQuitEvent.class).setQuitMessage(value.checkjstring()))
                .setter("death_message", (event, value) -> as(event, PlayerDeathEvent.class).setDeathMessage(value.checkjstring()))
                .setter("keep_inventory", (event, value) -> as(event, PlayerDeathEvent.class).setKeepInventory(value.toboolean()))
                .setter("damage", (event, value) -> as(event, EntityDamageEvent.class).setDamage((float) value.checkdouble()))
                .setter("xp", (event, value) -> as(event, EntityDeathEvent.class).setXp(value.checkint()));
    }

    /** The texts a handler may set on an event, which a script that keeps the event keeps: two bytes a character. */
    private static long setTexts(Event event) {
        long chars = switch (event) {
            case PlayerChatEvent chat -> chat.message().length() + chat.format().length();
            case PlayerJoinEvent join -> join.joinMessage().length();
            case PlayerQuitEvent quit -> quit.quitMessage().length();
            case PlayerDeathEvent death -> death.deathMessage().length();
            default -> 0;
        };
        return 2 * chars;
    }

    private static @Nullable Player player(Event event) {
        return event instanceof PlayerEvent playerEvent ? playerEvent.player() : null;
    }

    private static LuaValue entity(Event event) {
        return switch (event) {
            case EntityDamageEvent e -> EntityType.wrap(e.entity());
            case EntityDeathEvent e -> EntityType.wrap(e.entity());
            case EntitySpawnEvent e -> EntityType.wrap(e.entity());
            case EntityExplodeEvent e -> EntityType.wrap(e.entity());
            case PlayerInteractEvent e -> EntityType.wrap(e.target().orElse(null));
            default -> LuaValue.NIL;
        };
    }

    private static LuaValue block(Event event) {
        return switch (event) {
            case PlayerBreakBlockEvent e -> Positions.block(e.block(), e.position());
            case PlayerPlaceBlockEvent e -> Positions.block(e.block(), e.position());
            case BlockUpdateEvent e -> Positions.block(e.newBlock(), e.position());
            case PlayerInteractEvent e when e.targetBlock().isPresent() && e.targetPosition().isPresent() ->
                    Positions.block(e.targetBlock().get(), e.targetPosition().get());
            default -> payloadField(event, "block");
        };
    }

    private static LuaValue payloadField(Event event, String key) {
        return PlainValues.toLua(event.payload().get(key));
    }

    private static Cancellable cancellable(Event event) {
        if (event instanceof Cancellable cancellable) {
            return cancellable;
        }
        throw new LuaError("event '" + event.name() + "' cannot be cancelled");
    }

    private static PlayerChatEvent chat(Event event) {
        return as(event, PlayerChatEvent.class);
    }

    private static <E extends Event> E as(Event event, Class<E> type) {
        if (type.isInstance(event)) {
            return type.cast(event);
        }
        throw new LuaError("event '" + event.name() + "' has no such field to set");
    }
}
