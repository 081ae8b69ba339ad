package dev.plinth.core.runtime.internal.shell;

import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.shell.CommandUsage;
import java.util.List;
import java.util.Optional;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell scope {@code sim}: drives the simulated server as its players and its clock. Each command waits for
 * the game thread and prints what happened; a failure prints {@code ERROR: ERR_...: ...}.
 */
@Component(service = SimShell.class, property = {
    "osgi.command.scope=sim",
    "osgi.command.function=join", "osgi.command.function=quit", "osgi.command.function=chat",
    "osgi.command.function=command", "osgi.command.function=move", "osgi.command.function=break",
    "osgi.command.function=place", "osgi.command.function=interact", "osgi.command.function=damage",
    "osgi.command.function=players", "osgi.command.function=inventory", "osgi.command.function=block",
    "osgi.command.function=inbox", "osgi.command.function=form", "osgi.command.function=pause",
    "osgi.command.function=resume", "osgi.command.function=tick", "osgi.command.function=spawn",
    "osgi.command.function=entity", "osgi.command.function=entities", "osgi.command.function=kill",
    "osgi.command.function=give"})
public final class SimShell {

    private static final String SCOPE = "sim";

    private final Simulation simulation;

    /**
     * Creates the commands.
     *
     * @param simulation the simulated server
     */
    @Activate
    public SimShell(@Reference Simulation simulation) {
        this.simulation = simulation;
    }

    /**
     * {@code sim:join NAME}.
     *
     * @param name the player
     * @return what happened
     */
    @Descriptor("a simulated player joins (player_join); a cancelled join kicks them")
    public String join(@Descriptor("the player's name") String name) {
        return simulation.join(name);
    }

    /**
     * {@code sim:quit NAME}.
     *
     * @param name the player
     * @return what happened
     */
    @Descriptor("a simulated player leaves (player_quit)")
    public String quit(@Descriptor("the player's name") String name) {
        return simulation.quit(name);
    }

    /**
     * {@code sim:chat NAME TEXT...}.
     *
     * @param name the player
     * @param words the message
     * @return what happened
     */
    @Descriptor("the player chats (player_chat): the line and how many received it, or that it was cancelled")
    public String chat(@Descriptor("the player's name") String name, @Descriptor("the message") String... words) {
        return simulation.chat(name, String.join(" ", words));
    }

    /**
     * {@code sim:command NAME LINE...}.
     *
     * @param name the player
     * @param words the command line
     * @return the outcome
     */
    @Descriptor("the player types /LINE (player_command, then the command)")
    public String command(@Descriptor("the player's name") String name,
            @Descriptor("the command line, without its slash") String... words) {
        return simulation.command(name, String.join(" ", words));
    }

    /**
     * {@code sim:move NAME X Y Z}.
     *
     * @param name the player
     * @param x x
     * @param y y
     * @param z z
     * @return where they are
     */
    @Descriptor("the player walks there (player_move); cancelled, they stay")
    public String move(@Descriptor("the player's name") String name, @Descriptor("x") double x, @Descriptor("y") double y,
            @Descriptor("z") double z) {
        return simulation.move(name, x, y, z);
    }

    /**
     * {@code sim:break NAME X Y Z}.
     *
     * @param name the player
     * @param x x
     * @param y y
     * @param z z
     * @return the outcome
     */
    @Descriptor("the player breaks a block; its drops go to their inventory")
    public String _break(@Descriptor("the player's name") String name, @Descriptor("x") int x, @Descriptor("y") int y,
            @Descriptor("z") int z) {
        return simulation.breakBlock(name, x, y, z);
    }

    /**
     * {@code sim:place NAME X Y Z BLOCK}.
     *
     * @param name the player
     * @param x x
     * @param y y
     * @param z z
     * @param block the block
     * @return the outcome
     */
    @Descriptor("the player places a block against the block below")
    public String place(@Descriptor("the player's name") String name, @Descriptor("x") int x, @Descriptor("y") int y, @Descriptor("z") int z,
            @Descriptor("the block: stone, minecraft:oak_stairs[facing=north]") String block) {
        return simulation.place(name, x, y, z, block);
    }

    /**
     * {@code sim:interact NAME ACTION [X Y Z | entity ID]}.
     *
     * @param name the player
     * @param action {@code left_click}, {@code right_click} or {@code physical}
     * @param target nothing, a block position or {@code entity ID}
     * @return the outcome
     */
    @Descriptor("the player clicks the air, a block (X Y Z) or an entity (entity ID); a left click attacks it")
    public String interact(@Descriptor("the player's name") String name, @Descriptor("left_click, right_click or physical") String action,
            @Descriptor("nothing, X Y Z, or entity ID") String... target) {
        return simulation.interact(name, action, List.of(target));
    }

    /**
     * {@code sim:damage NAME AMOUNT CAUSE}.
     *
     * @param name the player
     * @param amount health points
     * @param cause the damage cause
     * @return the outcome
     */
    @Descriptor("the player takes damage; at zero health they die and respawn")
    public String damage(@Descriptor("the player's name") String name, @Descriptor("health points") double amount,
            @Descriptor("fall, lava, void, entity_attack...") String cause) {
        return simulation.damage(name, amount, cause);
    }

    /**
     * {@code sim:players}.
     *
     * @return one line per online player
     */
    @Descriptor("the online players")
    public String players() {
        return lines(simulation.players(), "no player is online");
    }

    /**
     * {@code sim:inventory NAME}.
     *
     * @param name the player
     * @return one line per slot
     */
    @Descriptor("a player's items")
    public String inventory(@Descriptor("the player's name") String name) {
        return lines(simulation.inventory(name), name + "'s inventory is empty");
    }

    /**
     * {@code sim:block X Y Z} in the overworld.
     *
     * @param x x
     * @param y y
     * @param z z
     * @return the block
     */
    @Descriptor("a block (overworld unless a dimension is given)")
    public String block(@Descriptor("x") int x, @Descriptor("y") int y, @Descriptor("z") int z) {
        return simulation.block("overworld", x, y, z);
    }

    /**
     * {@code sim:block DIMENSION X Y Z}.
     *
     * @param dimension the dimension
     * @param x x
     * @param y y
     * @param z z
     * @return the block
     */
    @Descriptor("a block (overworld unless a dimension is given)")
    public String block(@Descriptor("overworld, nether or the_end") String dimension, @Descriptor("x") int x, @Descriptor("y") int y,
            @Descriptor("z") int z) {
        return simulation.block(dimension, x, y, z);
    }

    /**
     * {@code sim:inbox NAME}.
     *
     * @param name the player
     * @return one line per thing received
     */
    @Descriptor("everything the player received, numbered: messages, titles, toasts, forms, kicks")
    public String inbox(@Descriptor("the player's name") String name) {
        return lines(simulation.inbox(name), name + "'s inbox is empty");
    }

    /**
     * {@code sim:form NAME FORMID CHOICE...}.
     *
     * @param name the player
     * @param formId the form's number
     * @param choice a button index, yes / no, a JSON array, or close
     * @return the outcome
     */
    @Descriptor("answers an open form: a button index, yes / no, a JSON array of values, or close")
    public String form(@Descriptor("the player's name") String name, @Descriptor("the form's number in sim:inbox") int formId,
            @Descriptor("0, yes, no, close, or [\"Steve\", true, 5] (quoted or not)") Object... choice) {
        return simulation.answerForm(name, formId, FormChoice.of(choice));
    }

    /**
     * {@code sim:pause}.
     *
     * @return a confirmation
     */
    @Descriptor("stops the clock: ticks run only with sim:tick")
    public String pause() {
        return simulation.pause();
    }

    /**
     * {@code sim:resume}.
     *
     * @return a confirmation
     */
    @Descriptor("restarts the clock at 20 ticks per second")
    public String resume() {
        return simulation.resume();
    }

    /**
     * {@code sim:tick}: one tick.
     *
     * @return the tick reached
     */
    @Descriptor("runs ticks now (the clock paused only)")
    public String tick() {
        return tick(1);
    }

    /**
     * {@code sim:tick N}.
     *
     * @param count how many ticks
     * @return the tick reached
     */
    @Descriptor("runs ticks now (the clock paused only)")
    public String tick(@Descriptor("how many ticks (1 when left out)") int count) {
        return "tick " + simulation.tick(count);
    }

    /**
     * {@code sim:spawn TYPE X Y Z}, in the overworld.
     *
     * @param type the entity type
     * @param x x
     * @param y y
     * @param z z
     * @return what spawned
     */
    @Descriptor("summons an entity: a minecraft: type or a behavior pack's (is_summonable), as /summon does")
    public String spawn(@Descriptor("the entity type (custom:guard)") String type, @Descriptor("x") double x,
            @Descriptor("y") double y, @Descriptor("z") double z) {
        return spawn(type, x, y, z, "overworld");
    }

    /**
     * {@code sim:spawn TYPE X Y Z DIMENSION}.
     *
     * @param type the entity type
     * @param x x
     * @param y y
     * @param z z
     * @param dimension {@code overworld}, {@code nether} or {@code the_end}
     * @return what spawned
     */
    @Descriptor("summons an entity: a minecraft: type or a behavior pack's (is_summonable), as /summon does")
    public String spawn(@Descriptor("the entity type (custom:guard)") String type, @Descriptor("x") double x,
            @Descriptor("y") double y, @Descriptor("z") double z,
            @Descriptor("overworld, nether or the_end") String dimension) {
        return simulation.spawn(type, dimension, x, y, z);
    }

    /**
     * {@code sim:entity ID}.
     *
     * @param id the entity's number
     * @return its description
     */
    @Descriptor("shows an entity: type, health, position, and a pack entity's groups, properties and variables")
    public String entity(@Descriptor("the entity's number") long id) {
        return String.join(System.lineSeparator(), simulation.entity(id));
    }

    /**
     * {@code sim:entities}: the overworld's.
     *
     * @return one line per entity
     */
    @Descriptor("lists the entities of a world, players aside")
    public String entities() {
        return entities("overworld");
    }

    /**
     * {@code sim:entities DIMENSION}.
     *
     * @param dimension the world
     * @return one line per entity
     */
    @Descriptor("lists the entities of a world, players aside")
    public String entities(@Descriptor("overworld (when left out), nether or the_end") String dimension) {
        return lines(simulation.entities(dimension), "no entity in " + dimension);
    }

    /**
     * {@code sim:kill ID}.
     *
     * @param id the entity's number
     * @return its drops
     */
    @Descriptor("kills an entity (by a player when one is named: killed_by_player loot): prints its drops and xp")
    public String kill(@Descriptor("the entity's number") long id) {
        return simulation.kill(id, Optional.empty());
    }

    /**
     * {@code sim:kill ID PLAYER}.
     *
     * @param id the entity's number
     * @param player the online player who kills it
     * @return its drops
     */
    @Descriptor("kills an entity (by a player when one is named: killed_by_player loot): prints its drops and xp")
    public String kill(@Descriptor("the entity's number") long id, @Descriptor("the player who kills it") String player) {
        return simulation.kill(id, Optional.of(player));
    }

    /**
     * {@code sim:give NAME ITEM}: one.
     *
     * @param name the player
     * @param item the item
     * @return what was given
     */
    @Descriptor("gives a player items: a minecraft: item or a behavior pack's, in stacks of its max_stack_size")
    public String give(@Descriptor("the player's name") String name, @Descriptor("the item (custom:ruby)") String item) {
        return give(name, item, 1);
    }

    /**
     * {@code sim:give NAME ITEM COUNT}.
     *
     * @param name the player
     * @param item the item
     * @param count how many
     * @return what was given
     */
    @Descriptor("gives a player items: a minecraft: item or a behavior pack's, in stacks of its max_stack_size")
    public String give(@Descriptor("the player's name") String name, @Descriptor("the item (custom:ruby)") String item,
            @Descriptor("how many (1 when left out)") int count) {
        return simulation.give(name, item, count);
    }

    /** Missing or wrong arguments: the usage. */
    public Object spawn(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "spawn");
    }

    /** Missing or wrong arguments: the usage. */
    public Object entity(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "entity");
    }

    /** Missing or wrong arguments: the usage. */
    public Object entities(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "entities");
    }

    /** Missing or wrong arguments: the usage. */
    public Object kill(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "kill");
    }

    /** Missing or wrong arguments: the usage. */
    public Object give(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "give");
    }

    /** Missing or wrong arguments: the usage. */
    public Object join(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "join");
    }

    /** Missing or wrong arguments: the usage. */
    public Object quit(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "quit");
    }

    /** Missing or wrong arguments: the usage. */
    public Object chat(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "chat");
    }

    /** Missing or wrong arguments: the usage. */
    public Object command(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "command");
    }

    /** Missing or wrong arguments: the usage. */
    public Object move(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "move");
    }

    /** Missing or wrong arguments: the usage. */
    public Object _break(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "break");
    }

    /** Missing or wrong arguments: the usage. */
    public Object place(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "place");
    }

    /** Missing or wrong arguments: the usage. */
    public Object interact(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "interact");
    }

    /** Missing or wrong arguments: the usage. */
    public Object damage(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "damage");
    }

    /** Missing or wrong arguments: the usage. */
    public Object players(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "players");
    }

    /** Missing or wrong arguments: the usage. */
    public Object inventory(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "inventory");
    }

    /** Missing or wrong arguments: the usage. */
    public Object block(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "block");
    }

    /** Missing or wrong arguments: the usage. */
    public Object inbox(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "inbox");
    }

    /** Missing or wrong arguments: the usage. */
    public Object form(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "form");
    }

    /** Missing or wrong arguments: the usage. */
    public Object pause(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "pause");
    }

    /** Missing or wrong arguments: the usage. */
    public Object resume(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "resume");
    }

    /** Missing or wrong arguments: the usage. */
    public Object tick(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "tick");
    }

    private static String lines(List<String> lines, String none) {
        return lines.isEmpty() ? none : String.join(System.lineSeparator(), lines);
    }
}
