package dev.plinth.core.runtime.item;

import dev.plinth.core.runtime.Identifier;
import java.util.Map;

/**
 * A status effect on an entity: its type, how long it still lasts and how strong it is.
 *
 * @param type the namespaced effect type, for example {@code minecraft:speed}
 * @param durationTicks how many ticks it lasts (20 ticks per second), at least 1
 * @param amplifier its level minus one: 0 for level I, 1 for level II, up to 255
 */
public record Effect(String type, int durationTicks, int amplifier) {

    /**
     * Normalizes the type and checks the numbers.
     *
     * @throws IllegalArgumentException when the type is not a valid identifier or a number is out of range
     */
    public Effect {
        type = Identifier.normalize(type);
        if (durationTicks < 1) {
            throw new IllegalArgumentException("effect " + type + " needs a duration of at least 1 tick");
        }
        if (amplifier < 0 || amplifier > 255) {
            throw new IllegalArgumentException("effect " + type + " needs an amplifier from 0 to 255, not " + amplifier);
        }
    }

    /**
     * This effect as plain values for payloads.
     *
     * @return {@code {type, duration, amplifier}}
     */
    public Map<String, Object> asMap() {
        return Map.of("type", type, "duration", durationTicks, "amplifier", amplifier);
    }
}
