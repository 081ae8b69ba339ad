package dev.plinth.bedrock.packs.internal.loot;

import dev.plinth.bedrock.packs.internal.filter.FilterSubject;
import java.util.Optional;

/**
 * What a loot roll knows: the entity that died (or nothing, for a block or {@code sim:loot}), who killed it, the
 * looting level of the killer's weapon, and the difficulty.
 *
 * @param entity the entity whose loot it is
 * @param killer who killed it
 * @param killedByPlayer whether a player did
 * @param looting the looting level (0 without)
 * @param difficulty 0 peaceful to 3 hard
 */
public record LootContext(Optional<FilterSubject> entity, Optional<FilterSubject> killer, boolean killedByPlayer,
        int looting, int difficulty) {

    /** A roll with no entity, killer or looting, at normal difficulty. */
    public static final LootContext NONE = new LootContext(Optional.empty(), Optional.empty(), false, 0, 2);
}
