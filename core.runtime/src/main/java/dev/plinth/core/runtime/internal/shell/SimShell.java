package dev.plinth.core.runtime.internal.shell;

import dev.plinth.core.runtime.shell.ShellArguments;
import dev.plinth.core.runtime.simulation.Simulation;
import java.util.List;
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
    public String join(String name) {
        return simulation.join(name);
    }

    /**
     * {@code sim:quit NAME}.
     *
     * @param name the player
     * @return what happened
     */
    public String quit(String name) {
        return simulation.quit(name);
    }

    /**
     * {@code sim:chat NAME TEXT...}.
     *
     * @param name the player
     * @param words the message
     * @return what happened
     */
    public String chat(String name, String... words) {
        return simulation.chat(name, String.join(" ", words));
    }

    /**
     * {@code sim:command NAME LINE...}.
     *
     * @param name the player
     * @param words the command line
     * @return the outcome
     */
    public String command(String name, String... words) {
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
    public String move(String name, double x, double y, double z) {
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
    public String _break(String name, int x, int y, int z) {
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
    public String place(String name, int x, int y, int z, String block) {
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
    public String interact(String name, String action, String... target) {
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
    public String damage(String name, double amount, String cause) {
        return simulation.damage(name, amount, cause);
    }

    /**
     * {@code sim:players}.
     *
     * @return one line per online player
     */
    public String players() {
        return lines(simulation.players(), "no player is online");
    }

    /**
     * {@code sim:inventory NAME}.
     *
     * @param name the player
     * @return one line per slot
     */
    public String inventory(String name) {
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
    public String block(int x, int y, int z) {
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
    public String block(String dimension, int x, int y, int z) {
        return simulation.block(dimension, x, y, z);
    }

    /**
     * {@code sim:inbox NAME}.
     *
     * @param name the player
     * @return one line per thing received
     */
    public String inbox(String name) {
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
    public String form(String name, int formId, String... choice) {
        return simulation.answerForm(name, formId, String.join(" ", choice));
    }

    /**
     * {@code sim:pause}.
     *
     * @return a confirmation
     */
    public String pause() {
        return simulation.pause();
    }

    /**
     * {@code sim:resume}.
     *
     * @return a confirmation
     */
    public String resume() {
        return simulation.resume();
    }

    /**
     * {@code sim:tick}: one tick.
     *
     * @return the tick reached
     */
    public String tick() {
        return tick(1);
    }

    /**
     * {@code sim:tick N}.
     *
     * @param count how many ticks
     * @return the tick reached
     */
    public String tick(int count) {
        return "tick " + simulation.tick(count);
    }

    /**
     * {@code sim:spawn TYPE X Y Z [DIMENSION]}.
     *
     * @param words the type, the position and the dimension
     * @return what spawned
     */
    @Descriptor("summons an entity: a minecraft: type or a behavior pack's (is_summonable), as /summon does")
    public String spawn(@Descriptor("TYPE X Y Z [DIMENSION]") String... words) {
        var args = ShellArguments.of("sim:spawn TYPE X Y Z [DIMENSION]", words, 4, 5);
        return simulation.spawn(args.text(0), args.optional(4).orElse("overworld"), args.decimal(1), args.decimal(2),
                args.decimal(3));
    }

    /**
     * {@code sim:entity ID}.
     *
     * @param words the entity's number
     * @return its description
     */
    @Descriptor("shows an entity: type, health, position, and a pack entity's groups, properties and variables")
    public String entity(@Descriptor("ID") String... words) {
        var args = ShellArguments.of("sim:entity ID", words, 1, 1);
        return String.join(System.lineSeparator(), simulation.entity(args.integer(0)));
    }

    /**
     * {@code sim:entities [DIMENSION]}.
     *
     * @param words the dimension, overworld by default
     * @return one line per entity
     */
    @Descriptor("lists the entities of a world, players aside")
    public String entities(@Descriptor("[DIMENSION]") String... words) {
        var args = ShellArguments.of("sim:entities [DIMENSION]", words, 0, 1);
        String dimension = args.optional(0).orElse("overworld");
        return lines(simulation.entities(dimension), "no entity in " + dimension);
    }

    /**
     * {@code sim:kill ID [PLAYER]}.
     *
     * @param words the entity's number and the player who kills it
     * @return its drops
     */
    @Descriptor("kills an entity (by a player when one is named: killed_by_player loot): prints its drops and xp")
    public String kill(@Descriptor("ID [PLAYER]") String... words) {
        var args = ShellArguments.of("sim:kill ID [PLAYER]", words, 1, 2);
        return simulation.kill(args.integer(0), args.optional(1));
    }

    /**
     * {@code sim:give NAME ITEM [COUNT]}.
     *
     * @param words the player, the item and how many
     * @return what was given
     */
    @Descriptor("gives a player items: a minecraft: item or a behavior pack's, in stacks of its max_stack_size")
    public String give(@Descriptor("NAME ITEM [COUNT]") String... words) {
        var args = ShellArguments.of("sim:give NAME ITEM [COUNT]", words, 2, 3);
        long count = args.optional(2).isPresent() ? args.integer(2) : 1;
        return simulation.give(args.text(0), args.text(1), (int) Math.clamp(count, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    private static String lines(List<String> lines, String none) {
        return lines.isEmpty() ? none : String.join(System.lineSeparator(), lines);
    }
}
