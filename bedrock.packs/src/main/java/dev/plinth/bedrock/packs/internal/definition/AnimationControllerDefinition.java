package dev.plinth.bedrock.packs.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A behavior pack animation controller: states with the animations they run, the transitions between them
 * (Molang conditions) and what runs on entry and exit. Immutable.
 *
 * @param id the identifier ({@code controller.animation.guard.alert})
 * @param source where it was read
 * @param json its JSON
 * @param initialState the state it starts in
 * @param states the states, by name
 */
public record AnimationControllerDefinition(String id, Source source, JsonNode json, String initialState,
        Map<String, State> states) implements Definition {

    /** Copies the states. */
    public AnimationControllerDefinition {
        states = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    /**
     * A state.
     *
     * @param animations the animations it runs (short names)
     * @param transitions target state and condition, checked in order
     * @param onEntry what runs when it is entered
     * @param onExit what runs when it is left
     */
    public record State(List<String> animations, List<Map.Entry<String, MolangExpression>> transitions,
            List<ScriptAction> onEntry, List<ScriptAction> onExit) {}

    /**
     * Reads the controllers of one file.
     *
     * @param root the top-level value
     * @param source where it is
     * @param reading the pack being read
     * @return the controllers
     */
    public static List<AnimationControllerDefinition> read(Json root, Source source, Reading reading) {
        Json controllers = root.get("animation_controllers");
        if (!controllers.isObject()) {
            throw root.problem("an animation controller file holds an animation_controllers object");
        }
        var list = new ArrayList<AnimationControllerDefinition>();
        controllers.fields().forEach((id, controller) -> {
            var states = new LinkedHashMap<String, State>();
            controller.get("states").fields().forEach((name, state) -> states.put(name, state(state, reading)));
            if (states.isEmpty()) {
                throw controller.get("states").problem("a controller has states");
            }
            String initial = controller.get("initial_state").optionalText()
                    .orElse(states.containsKey("default") ? "default" : states.keySet().iterator().next());
            if (!states.containsKey(initial)) {
                throw controller.get("initial_state").problem("there is no state '" + initial + "'");
            }
            list.add(new AnimationControllerDefinition(id, source, controller.node(), initial, states));
        });
        return list;
    }

    private static State state(Json state, Reading reading) {
        var animations = new ArrayList<String>();
        for (Json animation : state.get("animations").elements()) {
            if (animation.isText()) {
                animations.add(animation.text());
            } else {
                animation.fields().forEach((name, condition) -> {
                    reading.expression(condition);
                    animations.add(name);
                });
            }
        }
        var transitions = new ArrayList<Map.Entry<String, MolangExpression>>();
        for (Json transition : state.get("transitions").elements()) {
            transition.fields().forEach((target, condition) -> transitions.add(
                    Map.entry(target, reading.expression(condition))));
        }
        return new State(animations, transitions, actions(state.get("on_entry"), reading),
                actions(state.get("on_exit"), reading));
    }

    /** Reads a list of actions. */
    static List<ScriptAction> actions(Json list, Reading reading) {
        return list.elements().stream().map(a -> ScriptAction.read(a, reading)).toList();
    }

    @Override
    public DefinitionKind kind() {
        return DefinitionKind.ANIMATION_CONTROLLER;
    }

    @Override
    public List<String> summary() {
        var lines = new ArrayList<String>();
        lines.add("animation controller " + id + " (" + source + "), starts in " + initialState);
        states.forEach((name, state) -> lines.add("state " + name + ": animations " + state.animations()
                + ", transitions to " + state.transitions().stream().map(Map.Entry::getKey).toList()));
        return lines;
    }
}
