package dev.plinth.core.runtime.player;

import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.form.Form;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.item.Effect;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A player on the server: an {@link Entity} that can be talked to, given items and shown forms.
 *
 * <p>Thread rule: {@link #name()}, {@link #uuid()} and {@link #xuid()} may be read from any thread; every other
 * method must be called on the game thread and throws {@link WrongThreadException} elsewhere. After the player
 * left, the object stays valid: {@link #isOnline()} is {@code false} and messages are dropped.
 */
@ProviderType
public interface Player extends Entity, CommandSender {

    /**
     * The player's Xbox user id (Bedrock); the simulated server derives one from the name.
     *
     * @return the XUID, digits only
     */
    String xuid();

    /**
     * The language the player's client uses, a BCP 47 tag such as {@code it-IT}, when the server knows it.
     *
     * @return the language, empty when unknown (messages then use the server's language)
     */
    default java.util.Optional<String> language() {
        return java.util.Optional.empty();
    }

    /**
     * Whether the player is still connected.
     *
     * @return {@code false} once they left or were kicked
     */
    boolean isOnline();

    /**
     * The player's dimension.
     *
     * @return the dimension of {@link #world()}
     */
    Dimension dimension();

    /**
     * Moves the player to another dimension: posts {@code player_change_dimension}; unless cancelled, the player
     * is moved to the position in that dimension's world. Within the same dimension this is {@link #teleport}.
     *
     * @param dimension where to
     * @param position the position in that world
     * @return {@code true} when the player moved
     */
    boolean teleport(Dimension dimension, Position position);

    /**
     * The player's game mode.
     *
     * @return the mode
     */
    GameMode gameMode();

    /**
     * Changes the game mode.
     *
     * @param mode the new mode
     */
    void setGameMode(GameMode mode);

    /**
     * Whether the player is an operator (holds every permission).
     *
     * @return {@code true} for an operator
     */
    boolean isOp();

    /**
     * The player's inventory, live.
     *
     * @return the inventory
     */
    Inventory inventory();

    /**
     * Gives items; what does not fit in the inventory is dropped at the player's feet.
     *
     * @param item the items
     */
    void giveItem(ItemStack item);

    /** The most food points a player has: a full hunger bar. */
    int MAX_FOOD = 20;

    /**
     * The player's food points (the hunger bar).
     *
     * @return from 0 to {@link #MAX_FOOD}
     */
    int food();

    /**
     * Sets the player's food points.
     *
     * @param food the points; values outside 0 to {@link #MAX_FOOD} are clamped
     */
    void setFood(int food);

    /** Empties the inventory. */
    void clearInventory();

    /**
     * Shows a title in the middle of the screen.
     *
     * @param title the big line
     * @param subtitle the small line below it
     * @param fadeIn ticks to fade in
     * @param stay ticks to stay
     * @param fadeOut ticks to fade out
     */
    void sendTitle(String title, String subtitle, int fadeIn, int stay, int fadeOut);

    /**
     * Shows a line above the hot bar.
     *
     * @param message the text
     */
    void sendActionBar(String message);

    /**
     * Shows a toast notification.
     *
     * @param title its title
     * @param content its text
     */
    void sendToast(String title, String content);

    /**
     * Shows a form. The future completes on the game thread with the answer, with {@link FormResponse.Closed}
     * when the player closes it or leaves, or with {@link FormResponse.TimedOut} when they do not answer in time;
     * it never completes exceptionally. The form belongs to no resource: a resource's forms go through its
     * {@link dev.plinth.core.runtime.form.Forms} service, which closes them when the resource stops or reloads.
     *
     * @param form the form
     * @return the outcome
     */
    CompletableFuture<FormResponse> sendForm(Form form);

    /**
     * Adds a status effect, replacing one of the same type.
     *
     * @param effect the effect
     */
    void addEffect(Effect effect);

    /**
     * Removes a status effect.
     *
     * @param type the effect type, for example {@code minecraft:speed}
     * @return {@code true} when the player had it
     */
    boolean removeEffect(String type);

    /**
     * The active status effects, with their remaining durations.
     *
     * @return a snapshot
     */
    List<Effect> effects();

    /**
     * Disconnects the player with a reason (posts {@code player_quit}).
     *
     * @param reason what the player reads
     */
    void kick(String reason);

    /**
     * Sends the player to another server (posts {@code player_quit}).
     *
     * @param address the other server's host name
     * @param port its port
     * @throws IllegalArgumentException when the port is not from 1 to 65535
     */
    void transfer(String address, int port);

    /**
     * The player's round-trip latency.
     *
     * @return milliseconds
     */
    int ping();
}
