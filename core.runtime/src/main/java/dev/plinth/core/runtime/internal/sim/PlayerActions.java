package dev.plinth.core.runtime.internal.sim;

import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_ARGUMENT;
import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_STATE;
import static dev.plinth.core.runtime.simulation.SimulationException.NOT_FOUND;

import dev.plinth.core.runtime.Identifier;
import dev.plinth.core.runtime.command.CommandResult;
import dev.plinth.core.runtime.content.BlockType;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.event.player.InteractAction;
import dev.plinth.core.runtime.event.player.PlayerBreakBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.event.player.PlayerCommandEvent;
import dev.plinth.core.runtime.event.player.PlayerInteractEvent;
import dev.plinth.core.runtime.event.player.PlayerMoveEvent;
import dev.plinth.core.runtime.event.player.PlayerPlaceBlockEvent;
import dev.plinth.core.runtime.event.world.BlockUpdateCause;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.internal.form.FormAnswer;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.GameMode;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Position;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What simulated players do, as a client would make it happen: each action posts its events and applies their
 * outcome, then describes it in one line. Game thread only; failures throw {@link SimulationException}.
 */
final class PlayerActions {

    private static final Pattern PLAYER_NAME = Pattern.compile("[A-Za-z0-9_]{1,16}");

    private final SimServer server;

    PlayerActions(SimServer server) {
        this.server = server;
    }

    String join(String name) {
        if (!PLAYER_NAME.matcher(name).matches()) {
            throw new SimulationException(INVALID_ARGUMENT, "'" + name + "' is not a player name: 1 to 16 letters, digits or _");
        }
        if (server.player(name).isPresent()) {
            throw new SimulationException(INVALID_STATE, name + " is already online");
        }
        SimPlayer player = server.playerFor(name);
        var event = player.connect();
        return event.isCancelled()
                ? name + " was refused: " + event.kickMessage()
                : name + " joined at " + player.position() + " in " + player.dimension().id();
    }

    String quit(String name) {
        online(name).disconnect();
        return name + " left";
    }

    String chat(String name, String message) {
        SimPlayer player = online(name);
        var event = server.post(new PlayerChatEvent(player, message, PlayerChatEvent.DEFAULT_FORMAT,
                List.<Player>copyOf(server.onlinePlayers())));
        if (event.isCancelled()) {
            return name + "'s message was cancelled";
        }
        String line = event.formatted();
        event.recipients().forEach(recipient -> recipient.sendMessage(line));
        return "'" + line + "' sent to " + event.recipients().size() + " player(s)";
    }

    String command(String name, String line) {
        SimPlayer player = online(name);
        String[] words = line.strip().replaceFirst("^/", "").strip().split("\\s+");
        if (words[0].isEmpty()) {
            throw new SimulationException(INVALID_ARGUMENT, "no command given");
        }
        var event = server.post(new PlayerCommandEvent(player, words[0], Arrays.asList(words).subList(1, words.length)));
        if (event.isCancelled()) {
            return "/" + words[0] + " was cancelled";
        }
        CommandResult result = server.commands().execute(player, String.join(" ", words));
        return "/" + words[0] + ": " + result.name().toLowerCase(Locale.ROOT);
    }

    String move(String name, Position to) {
        SimPlayer player = online(name);
        Position from = player.position();
        var event = server.post(new PlayerMoveEvent(player, from, to));
        if (event.isCancelled()) {
            player.moveTo(from);
            return name + "'s move was cancelled: back at " + from;
        }
        player.moveTo(event.to());
        return name + " is at " + event.to();
    }

    String breakBlock(String name, BlockPos pos) {
        SimPlayer player = builder(name);
        SimWorld world = player.simWorld();
        BlockState block = world.block(pos);
        if (block.isAir() || !world.inHeight(pos)) {
            throw new SimulationException(INVALID_STATE, "there is no block to break at " + pos);
        }
        Optional<BlockType> type = server.content().blockType(block.type());
        if (type.isPresent() && !type.get().breakable(block)) {
            return name + " could not break " + block + " at " + pos + ": it cannot be mined";
        }
        List<ItemStack> drops = player.gameMode() == GameMode.CREATIVE ? List.of()
                : type.map(t -> t.drops(block, Optional.<Player>of(player))).orElseGet(() -> LootTable.drops(block));
        var event = server.post(new PlayerBreakBlockEvent(player, pos, block, drops));
        if (event.isCancelled() || !world.changeBlock(pos, BlockState.AIR, BlockUpdateCause.PLAYER_BREAK)) {
            return name + " could not break " + block + " at " + pos + ": cancelled, the block stays";
        }
        event.drops().forEach(player::giveItem);
        return name + " broke " + block + " at " + pos + (event.drops().isEmpty() ? "" : ", got " + event.drops());
    }

    String place(String name, BlockPos pos, BlockState requested) {
        SimPlayer player = builder(name);
        BlockState block = normalized(requested);
        SimWorld world = player.simWorld();
        if (!world.inHeight(pos)) {
            throw new SimulationException(INVALID_ARGUMENT, pos + " is outside " + world.name() + "'s height");
        }
        BlockState there = world.block(pos);
        if (!there.isAir()) {
            throw new SimulationException(INVALID_STATE, pos + " is taken by " + there);
        }
        BlockPos against = pos.offset(0, -1, 0);
        if (server.post(new PlayerPlaceBlockEvent(player, pos, block, against)).isCancelled()
                || !world.changeBlock(pos, block, BlockUpdateCause.PLAYER_PLACE)) {
            return name + " could not place " + block + " at " + pos + ": cancelled";
        }
        return name + " placed " + block + " at " + pos;
    }

    String interact(String name, InteractAction action, Optional<BlockPos> block, Optional<Long> entityId) {
        SimPlayer player = online(name);
        Optional<Entity> target = entityId.map(id -> player.simWorld().entity(id)
                .orElseThrow(() -> new SimulationException(NOT_FOUND, "no entity " + id + " in " + player.simWorld())));
        Optional<BlockState> targetBlock = block.map(player.simWorld()::block);
        var event = server.post(new PlayerInteractEvent(player, action, target, block, targetBlock,
                player.inventory().item(0)));
        String what = target.map(Entity::toString).or(() -> block.map(p -> targetBlock.orElseThrow() + " at " + p))
                .orElse("the air");
        if (event.isCancelled()) {
            return name + "'s " + action.id() + " on " + what + " was cancelled";
        }
        if (action == InteractAction.LEFT_CLICK && target.isPresent()) {
            target.get().damage(1, DamageCause.ENTITY_ATTACK, Optional.of(player));
        }
        return name + " did " + action.id() + " on " + what;
    }

    String damage(String name, float amount, DamageCause cause) {
        SimPlayer player = online(name);
        int deaths = player.deaths();
        if (!player.damage(amount, cause)) {
            return name + " took no damage (cancelled or immune)";
        }
        return player.deaths() > deaths
                ? name + " died and respawned at " + player.position()
                : name + " has " + player.health() + " health";
    }

    List<String> players() {
        return server.onlinePlayers().stream()
                .map(p -> p.name() + " #" + p.id() + " at " + p.position() + " in " + p.dimension().id() + ", health "
                        + p.health() + ", food " + p.food() + ", " + p.gameMode().id() + (p.isOp() ? ", op" : ""))
                .toList();
    }

    List<String> inventory(String name) {
        return known(name).inventoryLines();
    }

    List<String> inbox(String name) {
        return known(name).inboxLines();
    }

    String answerForm(String name, int formId, String choice) {
        SimPlayer player = online(name);
        var form = player.openForm(formId).orElseThrow(() -> new SimulationException(NOT_FOUND,
                name + " has no open form " + formId));
        FormResponse response = FormAnswer.parse(form.form(), choice);
        player.answer(formId, response);
        return "form " + formId + " of " + name + ": " + response;
    }

    /**
     * A player receives items ({@code /give}): any {@code minecraft:} item, or an item type a resource registered,
     * in stacks of its size.
     */
    String give(String name, String item, int count) {
        SimPlayer player = online(name);
        String id = Identifier.normalize(item);
        if (!id.startsWith(Identifier.DEFAULT_NAMESPACE + ":") && server.content().itemType(id).isEmpty()) {
            throw new SimulationException(NOT_FOUND, "no item type " + id + " is registered by a resource");
        }
        int max = server.content().maxStack(id);
        int left = count;
        while (left > 0) {
            int stack = Math.min(left, max);
            int notGiven = player.inventory().add(new ItemStack(id, stack));
            left -= stack - notGiven;
            if (notGiven > 0) {
                break;
            }
        }
        int given = count - left;
        return "gave " + given + " " + id + " to " + name + (left > 0 ? " (" + left + " did not fit)" : "")
                + " (" + max + " per stack)";
    }

    /** A block as placed: a type a resource registered checks its states and fills in the defaults. */
    private BlockState normalized(BlockState requested) {
        Optional<BlockType> type = server.content().blockType(requested.type());
        if (type.isEmpty()) {
            if (!requested.type().startsWith(Identifier.DEFAULT_NAMESPACE + ":")) {
                throw new SimulationException(NOT_FOUND, "no block type " + requested.type()
                        + " is registered by a resource");
            }
            return requested;
        }
        try {
            return type.get().normalize(requested);
        } catch (IllegalArgumentException e) {
            throw new SimulationException(INVALID_ARGUMENT, e.getMessage());
        }
    }

    private SimPlayer online(String name) {
        return server.player(name).orElseThrow(() -> new SimulationException(NOT_FOUND, "no player '" + name
                + "' is online"));
    }

    private SimPlayer known(String name) {
        return server.knownPlayer(name).orElseThrow(() -> new SimulationException(NOT_FOUND, "no player '" + name
                + "' ever joined"));
    }

    private SimPlayer builder(String name) {
        SimPlayer player = online(name);
        if (player.gameMode() == GameMode.ADVENTURE || player.gameMode() == GameMode.SPECTATOR) {
            throw new SimulationException(INVALID_STATE, name + " cannot build in " + player.gameMode().id() + " mode");
        }
        return player;
    }
}
