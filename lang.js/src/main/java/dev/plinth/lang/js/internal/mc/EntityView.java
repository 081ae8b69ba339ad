package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.Members;
import java.util.List;
import java.util.Optional;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;

/**
 * An entity as scripts see it: {@code id()}, {@code type()}, {@code position()}, {@code world()}, {@code health()},
 * {@code max_health()}, {@code set_health(h)}, {@code damage(n)}, {@code teleport(x, y, z)}, {@code is_valid()},
 * {@code remove()}. Game-thread only, like the entity itself.
 */
class EntityView extends Members {

    static final List<String> KEYS = List.of("id", "type", "position", "world", "health", "max_health", "set_health",
            "damage", "teleport", "is_valid", "remove");

    private final Entity entity;

    EntityView(Entity entity, List<String> keys) {
        super(keys);
        this.entity = entity;
    }

    /** A player as a player, any other entity as an entity, null as null. */
    static @Nullable Object wrap(@Nullable Entity entity) {
        return switch (entity) {
            case null -> null;
            case Player player -> new PlayerView(player);
            default -> new EntityView(entity, KEYS);
        };
    }

    @Override
    protected @Nullable Object member(String key) {
        return switch (key) {
            case "id" -> (ProxyExecutable) args -> entity.id();
            case "type" -> (ProxyExecutable) args -> entity.type();
            case "position" -> (ProxyExecutable) args -> Positions.object(entity.position());
            case "world" -> (ProxyExecutable) args -> new WorldView(entity.world());
            case "health" -> (ProxyExecutable) args -> (double) entity.health();
            case "max_health" -> (ProxyExecutable) args -> (double) entity.maxHealth();
            case "set_health" -> (ProxyExecutable) args -> {
                entity.setHealth((float) Args.number(args, 0, "entity.set_health"));
                return null;
            };
            case "damage" -> (ProxyExecutable) args ->
                    entity.damage((float) Args.number(args, 0, "entity.damage"), DamageCause.CUSTOM, Optional.empty());
            case "teleport" -> (ProxyExecutable) args -> {
                entity.teleport(Positions.position(args, 0, "entity.teleport"));
                return null;
            };
            case "is_valid" -> (ProxyExecutable) args -> entity.isValid();
            case "remove" -> (ProxyExecutable) args -> {
                entity.remove();
                return null;
            };
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "entity: " + entity.type() + "#" + entity.id();
    }
}
