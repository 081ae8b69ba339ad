package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A behavior pack animation: a timeline of actions (events, commands, Molang) over its length, once or looping.
 * Immutable.
 *
 * @param id the identifier ({@code animation.guard.alert})
 * @param source where it was read
 * @param json its JSON
 * @param length its length in seconds
 * @param loop whether it starts over
 * @param timeline seconds to the actions at that time
 */
public record AnimationDefinition(String id, Source source, JsonNode json, double length, boolean loop,
        Map<Double, List<ScriptAction>> timeline) implements Definition {

    /** Copies the timeline, sorted by time. */
    public AnimationDefinition {
        timeline = java.util.Collections.unmodifiableMap(new TreeMap<>(timeline));
    }

    /**
     * Reads the animations of one file.
     *
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the animations
     */
    public static List<AnimationDefinition> read(Json root, Source source, Reading reading) {
        Json animations = root.get("animations");
        if (!animations.isObject()) {
            throw root.problem("an animation file holds an animations object");
        }
        var list = new ArrayList<AnimationDefinition>();
        animations.fields().forEach((id, animation) -> {
            var timeline = new TreeMap<Double, List<ScriptAction>>();
            animation.get("timeline").fields().forEach((time, actions) -> {
                double at;
                try {
                    at = Double.parseDouble(time);
                } catch (NumberFormatException e) {
                    throw actions.problem("a timeline's keys are times in seconds, not '" + time + "'");
                }
                timeline.put(at, AnimationControllerDefinition.actions(actions, reading));
            });
            double last = timeline.isEmpty() ? 0 : timeline.lastKey();
            Json loop = animation.get("loop");
            list.add(new AnimationDefinition(id, source, animation.node(), animation.get("animation_length")
                    .number(last), loop.isText() ? loop.text().equals("true") : loop.bool(false), timeline));
        });
        return list;
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.ANIMATION;
    }

    @Override
    public List<String> summary() {
        return List.of("animation " + id + " (" + source + "), " + length + " s" + (loop ? ", looping" : ""),
                "timeline at " + timeline.keySet());
    }
}
