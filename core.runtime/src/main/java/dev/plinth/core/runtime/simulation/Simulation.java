package dev.plinth.core.runtime.simulation;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The simulated server driven from outside, as its players and its clock: join, chat, type commands, move, break
 * and place blocks, read what a player received, answer forms, and step the ticks one by one.
 *
 * <p>Each method queues its step onto the game thread, waits for it (at most 30 seconds) and returns what
 * happened as a line of text, the same the shell prints; event handlers run inside the step. Every method is
 * thread-safe; none may be called on the game thread itself. Failures throw {@link SimulationException} with an
 * error code.
 *
 * <p>For deterministic tests, {@link #pause()} the clock first, then advance it with {@link #tick(int)}.
 */
@ProviderType
public interface Simulation {

    /**
     * A player joins (posts {@code player_join}; a cancelled join kicks them with the event's kick message).
     *
     * @param name the player's name
     * @return {@code alice joined at (0.5, 4, 0.5) in overworld} or {@code alice was refused: ...}
     */
    String join(String name);

    /**
     * A player leaves (posts {@code player_quit}).
     *
     * @param name the player's name
     * @return what happened
     */
    String quit(String name);

    /**
     * A player chats (posts {@code player_chat}).
     *
     * @param name the player's name
     * @param message the text
     * @return the line delivered and to how many players, or that it was cancelled
     */
    String chat(String name, String message);

    /**
     * A player types {@code /line} (posts {@code player_command}, then runs the command).
     *
     * @param name the player's name
     * @param line the command line, with or without its slash
     * @return what became of the command
     */
    String command(String name, String line);

    /**
     * A player walks to a position (posts {@code player_move}; cancelled, they stay where they were).
     *
     * @param name the player's name
     * @param x x
     * @param y y
     * @param z z
     * @return where the player is now
     */
    String move(String name, double x, double y, double z);

    /**
     * A player breaks a block (posts {@code player_break_block}, then {@code block_update}); the drops go to
     * their inventory.
     *
     * @param name the player's name
     * @param x x
     * @param y y
     * @param z z
     * @return what happened
     */
    String breakBlock(String name, int x, int y, int z);

    /**
     * A player places a block against the one below (posts {@code player_place_block}, then
     * {@code block_update}).
     *
     * @param name the player's name
     * @param x x
     * @param y y
     * @param z z
     * @param block the block, for example {@code stone} or {@code minecraft:oak_stairs[facing=north]}
     * @return what happened
     */
    String place(String name, int x, int y, int z, String block);

    /**
     * A player clicks (posts {@code player_interact}); left-clicking an entity attacks it.
     *
     * @param name the player's name
     * @param action {@code left_click}, {@code right_click} or {@code physical}
     * @param target what is clicked: empty (the air), {@code X Y Z} (a block) or {@code entity ID}
     * @return what happened
     */
    String interact(String name, String action, List<String> target);

    /**
     * A player takes damage (posts {@code entity_damage}, and {@code player_death} at zero health).
     *
     * @param name the player's name
     * @param amount health points
     * @param cause a damage cause such as {@code fall} or {@code lava}
     * @return the player's health after, or their death
     */
    String damage(String name, double amount, String cause);

    /**
     * The online players, one line each: name, entity id, position, dimension, health, game mode.
     *
     * @return the lines
     */
    List<String> players();

    /**
     * A player's inventory, one line per non-empty slot ({@code 0: minecraft:diamond x3}).
     *
     * @param name the player's name (online or not)
     * @return the lines
     */
    List<String> inventory(String name);

    /**
     * The block at a position.
     *
     * @param dimension {@code overworld}, {@code nether} or {@code the_end}
     * @param x x
     * @param y y
     * @param z z
     * @return the block, for example {@code minecraft:grass_block}
     */
    String block(String dimension, int x, int y, int z);

    /**
     * Everything a player received, in order: messages, titles, action bars, toasts, forms, kicks, transfers,
     * one numbered line each ({@code 3 message: Hello alice}).
     *
     * @param name the player's name (online or not)
     * @return the lines
     */
    List<String> inbox(String name);

    /**
     * Answers a form a player has open.
     *
     * @param name the player's name
     * @param formId the form's number, as {@link #inbox} shows it
     * @param choice a button index (simple form), {@code yes} or {@code no} (modal form), a JSON array of values
     *     (custom form), or {@code close}
     * @return the outcome handed to the plugin
     */
    String answerForm(String name, int formId, String choice);

    /**
     * Summons an entity ({@code /summon}): any {@code minecraft:} type, or a type a resource registered (a
     * behavior pack's entity, which must be summonable). Posts {@code entity_spawn}.
     *
     * @param type the entity type, for example {@code custom:guard}
     * @param dimension {@code overworld}, {@code nether} or {@code the_end}
     * @param x x
     * @param y y
     * @param z z
     * @return {@code spawned custom:guard #7 at (1, 4, 1) in overworld}, or that the spawn was cancelled
     */
    String spawn(String type, String dimension, double x, double y, double z);

    /**
     * Describes an entity: type, number, position, health, who defined its type, then what its behavior shows
     * (a pack entity's component groups, properties, variables).
     *
     * @param id the entity's number
     * @return the lines
     */
    List<String> entity(long id);

    /**
     * The entities of a world, players aside, one line each ({@code custom:guard #7 at (1, 4, 1)}).
     *
     * @param dimension {@code overworld}, {@code nether} or {@code the_end}
     * @return the lines
     */
    List<String> entities(String dimension);

    /**
     * Kills an entity (posts {@code entity_death}); its drops fall where it stood.
     *
     * @param id the entity's number
     * @param killer the online player who killed it (for loot conditions such as {@code killed_by_player}), or
     *     empty
     * @return what it dropped and the experience it left
     */
    String kill(long id, Optional<String> killer);

    /**
     * Gives a player items ({@code /give}): any {@code minecraft:} item, or an item type a resource registered, in
     * stacks of the type's size.
     *
     * @param name the online player
     * @param item the item type
     * @param count how many, from 1 to 2304 (36 stacks of 64)
     * @return how many were given
     */
    String give(String name, String item, int count);

    /**
     * Stops the clock: ticks run only through {@link #tick(int)}. Other steps still run at once.
     *
     * @return a confirmation
     */
    String pause();

    /**
     * Restarts the clock at 20 ticks per second.
     *
     * @return a confirmation
     */
    String resume();

    /**
     * Runs ticks now, one after the other, and waits for them. Allowed while paused only.
     *
     * @param count how many ticks, from 1 to 72000
     * @return the number of the last tick
     */
    long tick(int count);
}
