package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.content.EntityBehavior;
import dev.plinth.core.runtime.content.EntityDrops;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import java.util.Optional;

/**
 * What the entities of the types no resource registered do: they drop what the simulated world's small fixed table
 * says ({@link LootTable}).
 *
 * @param type the entity type
 */
record VanillaBehavior(String type) implements EntityBehavior {

    @Override
    public EntityDrops death(DamageCause cause, Optional<Entity> killer) {
        return new EntityDrops(LootTable.drops(type), LootTable.xp(type));
    }
}
