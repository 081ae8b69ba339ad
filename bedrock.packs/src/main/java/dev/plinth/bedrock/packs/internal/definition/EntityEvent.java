package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.filter.Filter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of an entity event: its {@code filters}, the component groups it {@code add}s and {@code remove}s, the
 * properties it sets, the events it {@code trigger}s, one of its {@code randomize} entries (by weight) and each
 * {@code sequence} entry whose filters hold. What it does beyond that is kept ({@code queue_command},
 * {@code emit_vibration}...). Immutable.
 *
 * @param filters when it applies
 * @param add the groups it adds
 * @param remove the groups it removes
 * @param setProperty property name to its new value (Molang, or an enum value)
 * @param trigger the event it triggers
 * @param randomize the weighted choices
 * @param sequence the entries run in order
 * @param commands the commands it queues (kept: the simulated world runs no Bedrock commands)
 * @param kept the other keys, as written
 */
public record EntityEvent(Filter filters, List<String> add, List<String> remove,
        Map<String, PropertyValue> setProperty, Optional<EntityComponent.EventCall> trigger, List<Weighted> randomize,
        List<EntityEvent> sequence, List<String> commands, Map<String, JsonNode> kept) {

    /** Copies the components. */
    public EntityEvent {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
        setProperty = Map.copyOf(setProperty);
        randomize = List.copyOf(randomize);
        sequence = List.copyOf(sequence);
        commands = List.copyOf(commands);
        kept = Map.copyOf(kept);
    }

    /**
     * One {@code randomize} entry.
     *
     * @param weight its weight
     * @param event what it does
     */
    public record Weighted(double weight, EntityEvent event) {}

    /**
     * A value {@code set_property} gives: Molang, or the name of an enum value.
     *
     * @param molang the expression, when it is one
     * @param text the enum value, when it is one
     */
    public record PropertyValue(Optional<MolangExpression> molang, Optional<String> text) {}
}
