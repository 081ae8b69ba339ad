package dev.plinth.bedrock.molang.internal.world;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * When each entity appeared (spawned, joined, respawned), in server ticks, for {@code query.life_time}. An
 * entity seen before any such event counts from when it was first asked about.
 *
 * <p>Game thread only.
 */
final class LifeTimes {

    /** Ticks per second of game time. */
    static final double TICKS_PER_SECOND = 20;

    private final Map<Long, Long> born = new HashMap<>();

    /**
     * Notes that an entity appeared now.
     *
     * @param entity the entity id
     * @param tick the current tick
     */
    void born(long entity, long tick) {
        born.put(entity, tick);
    }

    /**
     * How long an entity has lived.
     *
     * @param entity the entity id
     * @param tick the current tick
     * @return seconds since it appeared
     */
    double seconds(long entity, long tick) {
        return (tick - born.computeIfAbsent(entity, e -> tick)) / TICKS_PER_SECOND;
    }

    /**
     * Forgets an entity.
     *
     * @param entity the entity id
     */
    void gone(long entity) {
        born.remove(entity);
    }

    /**
     * The entities known.
     *
     * @return their ids, live
     */
    Set<Long> known() {
        return born.keySet();
    }
}
