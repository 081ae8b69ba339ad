package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.lua.internal.binding.HostType;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaValue;

/** An entity (not a player) as Lua sees it: {@code id}, {@code type}, {@code position}, {@code health}... */
final class EntityType {

    static final HostType<Entity> TYPE = HostType.builder("entity", Entity.class)
            .requires(Permission.WORLD)
            .describedAs(entity -> "entity: " + entity.type() + "#" + entity.id())
            .method("id", entity -> LuaValue.valueOf(entity.id()))
            .method("type", entity -> LuaValue.valueOf(entity.type()))
            .method("position", entity -> Positions.table(entity.position()))
            .method("world", entity -> WorldType.TYPE.wrap(entity.world()))
            .method("health", entity -> LuaValue.valueOf(entity.health()))
            .method("max_health", entity -> LuaValue.valueOf(entity.maxHealth()))
            .method("set_health", (entity, health) -> {
                entity.setHealth((float) health.checkdouble());
                return LuaValue.NONE;
            })
            .method("damage", (entity, amount) ->
                    LuaValue.valueOf(entity.damage((float) amount.checkdouble(), DamageCause.CUSTOM, Optional.empty())))
            .varargsMethod("teleport", (entity, args) -> {
                entity.teleport(Positions.position(args, 1));
                return LuaValue.NONE;
            })
            .method("is_valid", entity -> LuaValue.valueOf(entity.isValid()))
            .method("remove", entity -> {
                entity.remove();
                return LuaValue.NONE;
            })
            .build();

    private EntityType() {}

    /** A player as a player, any other entity as an entity. */
    static LuaValue wrap(@Nullable Entity entity) {
        return switch (entity) {
            case null -> LuaValue.NIL;
            case Player player -> PlayerType.TYPE.wrap(player);
            default -> TYPE.wrap(entity);
        };
    }
}
