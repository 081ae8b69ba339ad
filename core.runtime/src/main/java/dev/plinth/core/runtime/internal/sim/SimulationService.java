package dev.plinth.core.runtime.internal.sim;

import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_ARGUMENT;
import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_STATE;

import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.event.player.InteractAction;
import dev.plinth.core.runtime.internal.tick.GameLoop;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Simulation} on the simulated server: checks and converts the arguments on the caller's thread, then runs
 * the step on the game thread and waits for it.
 */
@Component(immediate = true, service = Simulation.class)
public final class SimulationService implements Simulation {

    /** The most ticks one {@link #tick(int)} call runs: an hour of game time. */
    static final int MAX_TICKS = 72_000;
    /** The most items one {@link #give} call hands out: a full inventory of stacks of 64. */
    static final int MAX_GIVE = 36 * 64;

    private final GameLoop loop;
    private final SimServer server;
    private final PlayerActions actions;
    private final EntityActions entities;

    /**
     * Creates the service.
     *
     * @param loop the game thread
     * @param server the simulated server
     */
    @Activate
    public SimulationService(@Reference GameLoop loop, @Reference SimServer server) {
        this.loop = loop;
        this.server = server;
        this.actions = new PlayerActions(server);
        this.entities = new EntityActions(server);
    }

    @Override
    public String join(String name) {
        return onGame(() -> actions.join(name));
    }

    @Override
    public String quit(String name) {
        return onGame(() -> actions.quit(name));
    }

    @Override
    public String chat(String name, String message) {
        return onGame(() -> actions.chat(name, message));
    }

    @Override
    public String command(String name, String line) {
        return onGame(() -> actions.command(name, line));
    }

    @Override
    public String move(String name, double x, double y, double z) {
        Position to = argument(() -> new Position(x, y, z));
        return onGame(() -> actions.move(name, to));
    }

    @Override
    public String breakBlock(String name, int x, int y, int z) {
        return onGame(() -> actions.breakBlock(name, new BlockPos(x, y, z)));
    }

    @Override
    public String place(String name, int x, int y, int z, String block) {
        BlockState state = argument(() -> BlockState.parse(block));
        return onGame(() -> actions.place(name, new BlockPos(x, y, z), state));
    }

    @Override
    public String interact(String name, String action, List<String> target) {
        InteractAction parsed = InteractAction.byId(action).orElseThrow(() -> new SimulationException(
                INVALID_ARGUMENT, "unknown action '" + action + "': use " + ids(InteractAction.values())));
        Optional<BlockPos> block = Optional.empty();
        Optional<Long> entity = Optional.empty();
        if (target.size() == 3) {
            block = Optional.of(argument(() -> new BlockPos(Integer.parseInt(target.get(0)),
                    Integer.parseInt(target.get(1)), Integer.parseInt(target.get(2)))));
        } else if (target.size() == 2 && target.get(0).equals("entity")) {
            entity = Optional.of(argument(() -> Long.parseLong(target.get(1))));
        } else if (!target.isEmpty()) {
            throw new SimulationException(INVALID_ARGUMENT, "a target is X Y Z (a block) or entity ID, not " + target);
        }
        Optional<BlockPos> onBlock = block;
        Optional<Long> onEntity = entity;
        return onGame(() -> actions.interact(name, parsed, onBlock, onEntity));
    }

    @Override
    public String damage(String name, double amount, String cause) {
        DamageCause parsed = DamageCause.byId(cause).orElseThrow(() -> new SimulationException(INVALID_ARGUMENT,
                "unknown damage cause '" + cause + "': use " + ids(DamageCause.values())));
        if (!(amount >= 0)) {
            throw new SimulationException(INVALID_ARGUMENT, "damage is at least 0, not " + amount);
        }
        return onGame(() -> actions.damage(name, (float) amount, parsed));
    }

    @Override
    public List<String> players() {
        return onGame(actions::players);
    }

    @Override
    public List<String> inventory(String name) {
        return onGame(() -> actions.inventory(name));
    }

    @Override
    public String block(String dimension, int x, int y, int z) {
        Dimension parsed = dimension(dimension);
        return onGame(() -> server.world(parsed).block(new BlockPos(x, y, z)).toString());
    }

    @Override
    public List<String> inbox(String name) {
        return onGame(() -> actions.inbox(name));
    }

    @Override
    public String answerForm(String name, int formId, String choice) {
        return onGame(() -> actions.answerForm(name, formId, choice));
    }

    @Override
    public String spawn(String type, String dimension, double x, double y, double z) {
        Dimension parsed = dimension(dimension);
        Position position = argument(() -> new Position(x, y, z));
        return onGame(() -> entities.spawn(type, parsed, position));
    }

    @Override
    public List<String> entity(long id) {
        return onGame(() -> entities.describe(id));
    }

    @Override
    public List<String> entities(String dimension) {
        Dimension parsed = dimension(dimension);
        return onGame(() -> entities.list(parsed));
    }

    @Override
    public String kill(long id, Optional<String> killer) {
        return onGame(() -> entities.kill(id, killer));
    }

    @Override
    public String give(String name, String item, int count) {
        if (count < 1 || count > MAX_GIVE) {
            throw new SimulationException(INVALID_ARGUMENT, "give 1 to " + MAX_GIVE + " items, not " + count);
        }
        return onGame(() -> actions.give(name, item, count));
    }

    @Override
    public String pause() {
        loop.setPaused(true);
        return "paused at tick " + loop.currentTick() + ": advance with sim:tick N, restart with sim:resume";
    }

    @Override
    public String resume() {
        loop.setPaused(false);
        return "running at 20 ticks per second from tick " + loop.currentTick();
    }

    @Override
    public long tick(int count) {
        if (count < 1 || count > MAX_TICKS) {
            throw new SimulationException(INVALID_ARGUMENT, "tick runs 1 to " + MAX_TICKS + " ticks, not " + count);
        }
        if (!loop.paused()) {
            throw new SimulationException(INVALID_STATE, "the clock is running: sim:pause first");
        }
        return onGame(() -> loop.runTicks(count));
    }

    private static Dimension dimension(String dimension) {
        return Dimension.byId(dimension).orElseThrow(() -> new SimulationException(INVALID_ARGUMENT,
                "unknown dimension '" + dimension + "': use overworld, nether or the_end"));
    }

    private <T> T onGame(Callable<T> step) {
        if (loop.isGameThread()) {
            throw new SimulationException(INVALID_STATE, "the simulation is driven from outside the game thread");
        }
        return loop.call(step);
    }

    private static <T> T argument(Callable<T> parse) {
        try {
            return parse.call();
        } catch (Exception e) {
            throw new SimulationException(INVALID_ARGUMENT, e.getMessage());
        }
    }

    private static String ids(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }
}
