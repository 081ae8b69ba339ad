package dev.plinth.bedrock.packs.internal.entity;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangVariables;
import dev.plinth.bedrock.packs.internal.definition.EntityComponent;
import dev.plinth.bedrock.packs.internal.definition.EntityDefinition;
import dev.plinth.bedrock.packs.internal.definition.EntityEvent;
import dev.plinth.bedrock.packs.internal.definition.PropertyDefinition;
import dev.plinth.bedrock.packs.internal.filter.FilterSubject;
import dev.plinth.bedrock.packs.internal.filter.Filters;
import dev.plinth.bedrock.packs.internal.loot.LootContext;
import dev.plinth.bedrock.packs.internal.loot.LootItem;
import dev.plinth.bedrock.packs.internal.world.PackWorld;
import dev.plinth.core.runtime.content.ControlledEntity;
import dev.plinth.core.runtime.content.EntityBehavior;
import dev.plinth.core.runtime.content.EntityDrops;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.DespawnReason;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.Player;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entity of a pack's type: its active component groups and the components they make, its properties, its
 * Molang variables, and what its components do each tick (timers, sensors, growing up, wandering, the pack's
 * animation controllers). Events add and remove groups, set properties and trigger more events, with filters.
 *
 * <p>Game thread only.
 */
public final class PackEntity implements EntityBehavior, FilterSubject {

    private static final int MAX_EVENT_DEPTH = 32;
    private static final int MAX_RECORDED_COMMANDS = 8;

    private final PackEntityType type;
    private final ControlledEntity entity;
    private final PackWorld world;
    private final MolangVariables variables;
    private final MolangContext molang;
    private final double[] properties;
    private final Set<String> groups = new LinkedHashSet<>();
    private final List<String> commands = new ArrayList<>();
    private final List<LootItem> equipment = new ArrayList<>();
    private final EntityMotion motion;
    private final Animator animator;
    private Map<String, EntityComponent> components = Map.of();
    private final Map<EntityComponent.Timer, Long> timers = new LinkedHashMap<>();
    private long age;
    private int eventDepth;

    PackEntity(PackEntityType type, ControlledEntity entity, PackWorld world) {
        this.type = type;
        this.entity = entity;
        this.world = world;
        this.molang = world.contexts().apply(entity);
        this.variables = molang.variables();
        this.molang.setRandom(world.random());
        EntityDefinition definition = type.definition();
        this.properties = new double[definition.properties().size()];
        this.motion = new EntityMotion(this);
        this.animator = new Animator(this);
        recompute();
        int i = 0;
        for (PropertyDefinition property : definition.properties().values()) {
            properties[i++] = property.defaultText().isPresent()
                    ? property.values().indexOf(property.defaultText().get())
                    : property.clamp(property.defaultValue().orElseThrow().evaluate(molang));
        }
        definition.scripts().initialize().ifPresent(program -> program.evaluate(molang));
        health().ifPresent(health -> {
            float max = (float) health.max().orElse(health.value()).value(molang, world.random());
            entity.setMaxHealth(Math.max(1, max));
            entity.setHealth((float) Math.max(1, health.value().value(molang, world.random())));
        });
    }

    @Override
    public void spawned() {
        runEvent(EntityDefinition.SPAWNED, Optional.empty());
        component(EntityComponent.Equipment.class).ifPresent(e -> equipment.addAll(world.loot().roll(
                type.pack(), e.table(), LootContext.NONE, world.random())));
    }

    @Override
    public void tick(long tick) {
        age++;
        type.definition().scripts().preAnimation().ifPresent(program -> program.evaluate(molang));
        animator.tick();
        for (var timer : List.copyOf(timers.entrySet())) {
            if (age >= timer.getValue() && timers.containsKey(timer.getKey())) {
                EntityComponent.Timer t = timer.getKey();
                if (t.looping()) {
                    timers.put(t, age + ticks(t.seconds().value(molang, world.random())));
                } else {
                    timers.remove(t);
                }
                call(t.event(), Optional.empty());
            }
        }
        component(EntityComponent.EnvironmentSensor.class).ifPresent(sensor -> {
            for (EntityComponent.SensorTrigger trigger : sensor.triggers()) {
                if (Filters.test(trigger.filters(), new EntityScene(this, Optional.empty(), Optional.empty()))) {
                    call(trigger.event(), Optional.empty());
                }
            }
        });
        component(EntityComponent.Ageable.class).ifPresent(ageable -> {
            if (hasComponent("minecraft:is_baby") && age >= ticks(ageable.seconds())) {
                ageable.growUp().ifPresent(event -> call(event, Optional.empty()));
            }
        });
        motion.tick();
    }

    @Override
    public float hurt(float amount, DamageCause cause, Optional<Entity> attacker) {
        Optional<EntityComponent.DamageSensor> sensor = component(EntityComponent.DamageSensor.class);
        if (sensor.isEmpty()) {
            return amount;
        }
        Optional<FilterSubject> other = attacker.map(PackEntity::subject);
        for (EntityComponent.DamageTrigger trigger : sensor.get().triggers()) {
            boolean causeMatches = trigger.cause().equals("all") || trigger.cause().equals(cause.id())
                    || (trigger.cause().equals("entity_attack") && cause == DamageCause.ENTITY_ATTACK);
            if (causeMatches && Filters.test(trigger.filters(), new EntityScene(this, other, Optional.of(cause)))) {
                // on_damage's filters were just tested with the damage; its event runs on self (other targets are
                // not simulated)
                trigger.event().filter(event -> event.target().equals("self"))
                        .ifPresent(event -> runEvent(event.event(), other));
                return trigger.dealsDamage() ? (float) (amount * trigger.multiplier()) : 0;
            }
        }
        return amount;
    }

    @Override
    public EntityDrops death(DamageCause cause, Optional<Entity> killer) {
        var items = new ArrayList<ItemStack>();
        Optional<FilterSubject> killedBy = killer.map(PackEntity::subject);
        boolean byPlayer = killer.filter(k -> k instanceof Player).isPresent();
        component(EntityComponent.Loot.class).ifPresent(loot -> world.loot().roll(type.pack(), loot.table(),
                new LootContext(Optional.of(this), killedBy, byPlayer, 0,
                        world.environment().get().difficultyLevel()), world.random())
                .forEach(item -> items.add(item.stack())));
        component(EntityComponent.Equipment.class).ifPresent(e -> {
            for (LootItem worn : equipment) {
                double chance = e.dropChances().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                if (world.random().nextDouble() < chance) {
                    items.add(worn.stack());
                }
            }
        });
        int xp = component(EntityComponent.ExperienceReward.class).flatMap(EntityComponent.ExperienceReward::onDeath)
                .map(e -> (int) Math.max(0, Math.round(e.evaluate(molang)))).orElse(0);
        return new EntityDrops(items, xp);
    }

    @Override
    public void removed(DespawnReason reason) {
        type.forget(this);
    }

    @Override
    public List<String> describe() {
        var lines = new ArrayList<String>();
        lines.add("pack " + type.pack() + ", groups: " + (groups.isEmpty() ? "none" : String.join(", ", groups)));
        if (properties.length > 0) {
            var shown = new ArrayList<String>();
            int i = 0;
            for (PropertyDefinition property : type.definition().properties().values()) {
                shown.add(property.name() + "=" + format(property.read(properties[i++])));
            }
            lines.add("properties: " + String.join(", ", shown));
        }
        Map<String, ?> vars = variables.snapshot();
        if (!vars.isEmpty()) {
            var shown = new ArrayList<String>();
            vars.forEach((name, value) -> shown.add(name + "=" + value));
            lines.add("variables: " + String.join(", ", shown));
        }
        lines.add("variant " + intComponent("minecraft:variant") + ", mark_variant "
                + intComponent("minecraft:mark_variant") + ", skin_id " + intComponent("minecraft:skin_id")
                + ", baby " + hasComponent("minecraft:is_baby") + ", families " + families());
        component(EntityComponent.CollisionBox.class).ifPresent(box -> lines.add("collision box "
                + format(box.width() * scale()) + " x " + format(box.height() * scale()) + ", scale "
                + format(scale())));
        lines.add("speed " + format(speed()) + (motion.moving() ? ", walking" : ", standing"));
        if (!equipment.isEmpty()) {
            lines.add("equipment: " + equipment);
        }
        lines.add("components: " + String.join(", ", components.keySet()));
        if (!commands.isEmpty()) {
            lines.add("commands (recorded, not run): " + commands);
        }
        return lines;
    }

    /**
     * Runs one of the entity's events.
     *
     * @param name the event
     * @param other who caused it, if anyone
     * @return {@code false} when the entity has no such event
     */
    public boolean runEvent(String name, Optional<FilterSubject> other) {
        EntityEvent event = type.definition().events().get(name);
        if (event == null) {
            return false;
        }
        if (eventDepth >= MAX_EVENT_DEPTH) {
            world.log().warn("{}: event {} nested deeper than {} events, stopped", entity, name, MAX_EVENT_DEPTH);
            return true;
        }
        eventDepth++;
        try {
            apply(event, other);
        } finally {
            eventDepth--;
        }
        return true;
    }

    private void apply(EntityEvent event, Optional<FilterSubject> other) {
        if (!Filters.test(event.filters(), new EntityScene(this, other, Optional.empty()))) {
            return;
        }
        boolean changed = groups.removeAll(event.remove());
        for (String group : event.add()) {
            if (type.definition().groups().containsKey(group)) {
                changed |= groups.add(group);
            } else {
                world.log().warn("{}: event adds the unknown component group {}", entity, group);
            }
        }
        if (changed) {
            recompute();
        }
        event.setProperty().forEach(this::setProperty);
        if (!event.randomize().isEmpty()) {
            double total = event.randomize().stream().mapToDouble(EntityEvent.Weighted::weight).sum();
            double pick = world.random().nextDouble() * total;
            for (EntityEvent.Weighted choice : event.randomize()) {
                pick -= choice.weight();
                if (pick < 0) {
                    apply(choice.event(), other);
                    break;
                }
            }
        }
        event.sequence().forEach(step -> apply(step, other));
        event.trigger().ifPresent(call -> call(call, other));
        event.commands().forEach(this::record);
    }

    /** Runs an event a component or an event triggers, on {@code self} (other targets are not simulated). */
    void call(EntityComponent.EventCall call, Optional<FilterSubject> other) {
        if (call.target().equals("self")
                && Filters.test(call.filters(), new EntityScene(this, other, Optional.empty()))) {
            runEvent(call.event(), other);
        }
    }

    /** Records a command the entity's pack runs (the simulated world runs no Bedrock commands). */
    void record(String command) {
        if (commands.size() == MAX_RECORDED_COMMANDS) {
            commands.removeFirst();
        }
        commands.add(command);
    }

    private void setProperty(String name, EntityEvent.PropertyValue value) {
        int index = propertyIndex(name);
        if (index < 0) {
            world.log().warn("{}: set_property of the unknown property {}", entity, name);
            return;
        }
        PropertyDefinition property = type.definition().properties().get(name);
        if (value.text().isPresent()) {
            int at = property.values().indexOf(value.text().get());
            if (at < 0) {
                world.log().warn("{}: {} has no value {}", entity, name, value.text().get());
                return;
            }
            properties[index] = at;
        } else {
            var result = value.molang().orElseThrow().evaluateValue(molang);
            if (result instanceof dev.plinth.bedrock.molang.MolangValue.Text text) {
                int at = property.values().indexOf(text.value());
                if (at >= 0) {
                    properties[index] = at;
                }
            } else {
                properties[index] = property.clamp(result.asNumber());
            }
        }
    }

    private int propertyIndex(String name) {
        int i = 0;
        for (String key : type.definition().properties().keySet()) {
            if (key.equals(name)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Makes the components from the base and the active groups, in the order they were added. */
    private void recompute() {
        var effective = new LinkedHashMap<>(type.definition().components());
        for (String group : groups) {
            effective.putAll(type.definition().groups().get(group));
        }
        Map<String, EntityComponent> before = components;
        components = effective;
        timers.keySet().removeIf(t -> !effective.containsValue(t));
        component(EntityComponent.Timer.class).ifPresent(t -> timers.computeIfAbsent(t,
                k -> age + ticks(k.seconds().value(molang, world.random()))));
        health().filter(h -> before.get("minecraft:health") != h && !before.isEmpty()).ifPresent(h -> {
            entity.setMaxHealth((float) Math.max(1, h.max().orElse(h.value()).value(molang, world.random())));
        });
        motion.changed();
    }

    private Optional<EntityComponent.Health> health() {
        return component(EntityComponent.Health.class);
    }

    /**
     * The first active component of a class.
     *
     * @param <C> the class
     * @param type the class
     * @return the component, or empty
     */
    public <C extends EntityComponent> Optional<C> component(Class<C> type) {
        for (EntityComponent component : components.values()) {
            if (type.isInstance(component)) {
                return Optional.of(type.cast(component));
            }
        }
        return Optional.empty();
    }

    private static long ticks(double seconds) {
        return Math.max(1, Math.round(seconds * 20));
    }

    private static FilterSubject subject(Entity entity) {
        return entity instanceof ControlledEntity controlled && controlled.behavior() instanceof PackEntity pack
                ? pack : FilterSubject.of(entity);
    }

    private static String format(Object value) {
        return value instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(value);
    }

    @Override
    public Entity entity() {
        return entity;
    }

    @Override
    public Set<String> families() {
        return component(EntityComponent.TypeFamily.class).map(EntityComponent.TypeFamily::families)
                .orElse(Set.of());
    }

    @Override
    public boolean hasComponent(String name) {
        return components.containsKey(name);
    }

    @Override
    public int intComponent(String name) {
        return components.get(name) instanceof EntityComponent.IntValue value ? value.value() : 0;
    }

    @Override
    public Optional<Object> property(String name) {
        int index = propertyIndex(name);
        return index < 0 ? Optional.empty()
                : Optional.of(type.definition().properties().get(name).read(properties[index]));
    }

    @Override
    public boolean hasEquipment(String slot, String item) {
        return equipment.stream().anyMatch(worn -> worn.stack().type().equals(item));
    }

    @Override
    public boolean isMoving() {
        return motion.moving();
    }

    /** {@return the name of the item in a slot, for {@code q.get_equipped_item_name}} */
    public String equippedItemName(String slot) {
        return equipment.isEmpty() ? "" : equipment.getFirst().stack().type().replaceFirst("^minecraft:", "");
    }

    /** {@return ticks since it spawned} */
    public long ageTicks() {
        return age;
    }

    /** {@return its scale} */
    public double scale() {
        return component(EntityComponent.Scale.class).map(EntityComponent.Scale::value).orElse(1.0);
    }

    /** {@return its speed in blocks per tick while it walks} */
    public double speed() {
        return motion.speed();
    }

    /** {@return the component groups active now} */
    public Set<String> groups() {
        return Set.copyOf(groups);
    }

    /** {@return the entity's Molang context} */
    MolangContext molang() {
        return molang;
    }

    /** {@return the shared world services} */
    PackWorld world() {
        return world;
    }

    /** {@return its type} */
    public PackEntityType type() {
        return type;
    }

    /** {@return the entity it controls} */
    ControlledEntity handle() {
        return entity;
    }
}
