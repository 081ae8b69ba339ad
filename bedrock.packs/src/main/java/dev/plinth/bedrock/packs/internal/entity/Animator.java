package dev.plinth.bedrock.packs.internal.entity;

import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.definition.AnimationControllerDefinition;
import dev.plinth.bedrock.packs.internal.definition.AnimationDefinition;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.EntityDefinition;
import dev.plinth.bedrock.packs.internal.definition.ScriptAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a pack entity's {@code description.scripts.animate}: behavior pack animation controllers (states whose
 * Molang transitions are checked every tick, with {@code on_entry} and {@code on_exit}) and animations (timelines
 * of events, commands and Molang). Events run on the entity; commands are recorded. Game thread only.
 */
final class Animator {

    private static final double SECONDS_PER_TICK = 0.05;

    private final PackEntity entity;
    private final List<Run> runs = new ArrayList<>();

    /** One {@code animate} entry: a controller in a state, or an animation, and its time. */
    private static final class Run {
        final Optional<MolangExpression> condition;
        final Optional<AnimationControllerDefinition> controller;
        final Map<String, AnimationDefinition> animations;
        String state;
        double time;

        Run(Optional<MolangExpression> condition, Optional<AnimationControllerDefinition> controller,
                Map<String, AnimationDefinition> animations, String state) {
            this.condition = condition;
            this.controller = controller;
            this.animations = animations;
            this.state = state;
        }
    }

    Animator(PackEntity entity) {
        this.entity = entity;
        EntityDefinition.Scripts scripts = entity.type().definition().scripts();
        String pack = entity.type().pack();
        var lookup = entity.world().definitions();
        for (EntityDefinition.Scripts.Animate animate : scripts.animate()) {
            String id = scripts.animations().getOrDefault(animate.name(), animate.name());
            Optional<AnimationControllerDefinition> controller = lookup.find(pack,
                    DefinitionKind.ANIMATION_CONTROLLER, id, AnimationControllerDefinition.class);
            var animations = new java.util.LinkedHashMap<String, AnimationDefinition>();
            if (controller.isPresent()) {
                controller.get().states().values().forEach(state -> state.animations().forEach(name -> lookup.find(
                        pack, DefinitionKind.ANIMATION, scripts.animations().getOrDefault(name, name),
                        AnimationDefinition.class).ifPresent(a -> animations.put(name, a))));
            } else {
                lookup.find(pack, DefinitionKind.ANIMATION, id, AnimationDefinition.class)
                        .ifPresent(a -> animations.put(animate.name(), a));
            }
            if (controller.isPresent() || !animations.isEmpty()) {
                runs.add(new Run(animate.condition(), controller, animations,
                        controller.map(AnimationControllerDefinition::initialState).orElse("")));
            }
        }
    }

    /** One tick of every controller and animation. */
    void tick() {
        for (Run run : runs) {
            if (run.condition.isPresent() && run.condition.get().evaluate(entity.molang()) == 0) {
                continue;
            }
            if (run.controller.isPresent()) {
                tickController(run, run.controller.get());
            } else {
                run.animations.values().forEach(animation -> play(run, animation));
                run.time += SECONDS_PER_TICK;
            }
        }
    }

    private void tickController(Run run, AnimationControllerDefinition controller) {
        AnimationControllerDefinition.State state = controller.states().get(run.state);
        if (run.time == 0) {
            state.onEntry().forEach(this::perform);
        }
        for (var transition : state.transitions()) {
            if (transition.getValue().evaluate(entity.molang()) != 0
                    && controller.states().containsKey(transition.getKey())) {
                state.onExit().forEach(this::perform);
                run.state = transition.getKey();
                run.time = 0;
                controller.states().get(run.state).onEntry().forEach(this::perform);
                state = controller.states().get(run.state);
                break;
            }
        }
        for (String name : state.animations()) {
            AnimationDefinition animation = run.animations.get(name);
            if (animation != null) {
                play(run, animation);
            }
        }
        run.time += SECONDS_PER_TICK;
    }

    /** Performs the timeline entries between this tick's time and the next one. */
    private void play(Run run, AnimationDefinition animation) {
        double length = Math.max(animation.length(), SECONDS_PER_TICK);
        double from = animation.loop() ? run.time % length : run.time;
        if (!animation.loop() && from > length) {
            return;
        }
        double to = from + SECONDS_PER_TICK;
        animation.timeline().forEach((at, actions) -> {
            if (at >= from && at < to) {
                actions.forEach(this::perform);
            }
        });
    }

    private void perform(ScriptAction action) {
        switch (action) {
            case ScriptAction.Event event -> entity.runEvent(event.event(), Optional.empty());
            case ScriptAction.Command command -> entity.record(command.command());
            case ScriptAction.Molang molang -> molang.expression().evaluate(entity.molang());
        }
    }
}
