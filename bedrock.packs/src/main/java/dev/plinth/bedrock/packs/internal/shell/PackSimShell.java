package dev.plinth.bedrock.packs.internal.shell;

import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_ARGUMENT;
import static dev.plinth.core.runtime.simulation.SimulationException.INVALID_STATE;
import static dev.plinth.core.runtime.simulation.SimulationException.NOT_FOUND;

import dev.plinth.bedrock.packs.internal.crafting.Crafting;
import dev.plinth.bedrock.packs.internal.crafting.CraftingGrid;
import dev.plinth.bedrock.packs.internal.definition.DefinitionKind;
import dev.plinth.bedrock.packs.internal.definition.EntityComponent;
import dev.plinth.bedrock.packs.internal.definition.EntityDefinition;
import dev.plinth.bedrock.packs.internal.definition.FeatureDefinition;
import dev.plinth.bedrock.packs.internal.definition.LootTableDefinition;
import dev.plinth.bedrock.packs.internal.definition.RecipeDefinition;
import dev.plinth.bedrock.packs.internal.definition.TradeTableDefinition;
import dev.plinth.bedrock.packs.internal.entity.PackEntity;
import dev.plinth.bedrock.packs.internal.feature.FeaturePlacer;
import dev.plinth.bedrock.packs.internal.host.PackHost;
import dev.plinth.bedrock.packs.internal.loot.LootContext;
import dev.plinth.bedrock.packs.internal.loot.LootItem;
import dev.plinth.bedrock.packs.internal.spawn.SpawnTimer;
import dev.plinth.bedrock.packs.internal.spawn.Spawner;
import dev.plinth.bedrock.packs.internal.trading.Trades;
import dev.plinth.core.runtime.content.GameContent;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.shell.CommandUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The behavior pack part of the shell scope {@code sim}: entity events, loot, crafting, trading, spawn cycles and
 * features. Each command runs on the game thread and prints what happened; a failure prints
 * {@code ERROR: ERR_...: ...}.
 */
@Component(service = PackSimShell.class, property = {"osgi.command.scope=sim", "osgi.command.function=event",
    "osgi.command.function=loot", "osgi.command.function=craft", "osgi.command.function=craftgrid",
    "osgi.command.function=trades", "osgi.command.function=spawncycle", "osgi.command.function=feature"})
public final class PackSimShell {

    private static final String NL = System.lineSeparator();
    private static final String SCOPE = "sim";

    private final PackHost host;
    private final Crafting crafting;
    private final Spawner spawner;
    private final FeaturePlacer features;

    /**
     * Creates the commands.
     *
     * @param host the behavior pack host
     * @param spawns the spawner's timer, whose spawner {@code sim:spawncycle} runs
     * @param content the block types resources registered, for the blocks features place
     */
    @Activate
    public PackSimShell(@Reference PackHost host, @Reference SpawnTimer spawns, @Reference GameContent content) {
        this.host = host;
        this.crafting = new Crafting(host.registry());
        this.spawner = spawns.spawner();
        this.features = new FeaturePlacer(host.world(), content::blockType);
    }

    /**
     * {@code sim:event ID EVENT}.
     *
     * @param id the entity's number
     * @param event the event
     * @return the entity after the event
     */
    @Descriptor("triggers an entity event on a pack entity (sim:event 7 minecraft:become_angry), then shows it")
    public String event(@Descriptor("the pack entity's number") long id,
            @Descriptor("the event (custom:promote)") String event) {
        return OnGame.call(host.gameThread(), () -> {
            PackEntity entity = host.registry().entity(id).orElseThrow(() -> new SimulationException(NOT_FOUND,
                    "no living pack entity " + id));
            if (!entity.runEvent(event, Optional.empty())) {
                throw new SimulationException(NOT_FOUND, entity.entity() + " has no event " + event
                        + " (it has " + entity.type().definition().events().keySet() + ")");
            }
            var lines = new ArrayList<String>();
            lines.add("ran " + event + " on " + entity.entity());
            lines.addAll(entity.describe());
            return String.join(NL, lines);
        });
    }

    /**
     * {@code sim:loot TABLE}, with a random seed.
     *
     * @param table the table
     * @return the items rolled
     */
    @Descriptor("rolls a loot table of a started pack once (sim:loot loot_tables/entities/guard.json 42)")
    public String loot(@Descriptor("the table's path in its pack") String table) {
        return roll(table, new SplittableRandom());
    }

    /**
     * {@code sim:loot TABLE SEED}.
     *
     * @param table the table
     * @param seed the seed, for a roll that comes out the same each time
     * @return the items rolled
     */
    @Descriptor("rolls a loot table of a started pack once (sim:loot loot_tables/entities/guard.json 42)")
    public String loot(@Descriptor("the table's path in its pack") String table,
            @Descriptor("the seed of the roll (random when left out)") long seed) {
        return roll(table, new SplittableRandom(seed));
    }

    private String roll(String path, SplittableRandom random) {
        return OnGame.call(host.gameThread(), () -> {
            LootTableDefinition table = host.world().loot().table("", path).orElseThrow(() ->
                    new SimulationException(NOT_FOUND, "no loot table " + path + " in a started pack"));
            List<LootItem> items = host.world().loot().roll(table, LootContext.NONE, random);
            return table.id() + " rolled: " + (items.isEmpty() ? "nothing" : items.toString());
        });
    }

    /**
     * {@code sim:craft NAME RECIPE}, once.
     *
     * @param name the player
     * @param recipe the recipe's id
     * @return what was taken and given
     */
    @Descriptor("crafts a pack recipe (shaped, shapeless, furnace) from a player's inventory, or says what is missing")
    public String craft(@Descriptor("the player's name") String name, @Descriptor("the recipe's id") String recipe) {
        return craft(name, recipe, 1);
    }

    /**
     * {@code sim:craft NAME RECIPE TIMES}.
     *
     * @param name the player
     * @param recipe the recipe's id
     * @param times how many times, 1 to 64
     * @return what was taken and given
     */
    @Descriptor("crafts a pack recipe (shaped, shapeless, furnace) from a player's inventory, or says what is missing")
    public String craft(@Descriptor("the player's name") String name, @Descriptor("the recipe's id") String recipe,
            @Descriptor("how many times, 1 to 64 (1 when left out)") int times) {
        if (times < 1 || times > 64) {
            throw new SimulationException(INVALID_ARGUMENT, "craft 1 to 64 times, not " + times);
        }
        return OnGame.call(host.gameThread(), () -> {
            Player player = player(name);
            RecipeDefinition definition = host.registry().anywhere(DefinitionKind.RECIPE, recipe,
                    RecipeDefinition.class).orElseThrow(() -> new SimulationException(NOT_FOUND, "no recipe "
                            + recipe + " in a started pack"));
            return crafting.craft(player.inventory(), definition, times);
        });
    }

    /**
     * {@code sim:craftgrid NAME ROW [ROW] [ROW]}.
     *
     * @param name the player
     * @param rows the grid's rows
     * @return the recipe the grid made, what was taken and given
     */
    @Descriptor("crafts what a crafting grid makes, patterns matched as Bedrock does (anywhere in the grid, mirrored "
            + "unless assume_symmetry is false): sim:craftgrid Steve -,custom:ruby,- -,custom:ruby,- -,minecraft:stick,-")
    public String craftgrid(@Descriptor("the player's name") String name,
            @Descriptor("1 to 3 rows: cells separated by commas, - for an empty one") String... rows) {
        CraftingGrid grid;
        try {
            grid = CraftingGrid.parse(List.of(rows));
        } catch (IllegalArgumentException e) {
            throw new SimulationException(INVALID_ARGUMENT, e.getMessage());
        }
        return OnGame.call(host.gameThread(), () -> crafting.craft(player(name).inventory(), grid));
    }

    /**
     * {@code sim:spawncycle}, in the overworld.
     *
     * @return what spawned, and why the other rules did not spawn
     */
    @Descriptor("runs one spawn cycle of the started packs' spawn rules in a world and says what spawned (around its "
            + "players, or its spawn point)")
    public String spawncycle() {
        return spawncycle("overworld");
    }

    /**
     * {@code sim:spawncycle DIMENSION}.
     *
     * @param dimension the world
     * @return what spawned, and why the other rules did not spawn
     */
    @Descriptor("runs one spawn cycle of the started packs' spawn rules in a world and says what spawned (around its "
            + "players, or its spawn point)")
    public String spawncycle(@Descriptor("overworld (when left out), nether or the_end") String dimension) {
        Dimension world = dimension(dimension);
        return OnGame.call(host.gameThread(), () -> String.join(NL,
                spawner.cycle(host.world().server().world(world)).describe()));
    }

    /**
     * {@code sim:feature FEATURE X Y Z}, in the overworld.
     *
     * @param feature the feature's id
     * @param x x
     * @param y y
     * @param z z
     * @return the blocks placed and the notes
     */
    @Descriptor("places a started pack's feature at a position: single_block, ore, scatter, aggregate, sequence, "
            + "weighted_random, snap_to_surface, structure_template (a placeholder block, with a warning)")
    public String feature(@Descriptor("the feature's id") String feature, @Descriptor("x") int x,
            @Descriptor("y") int y, @Descriptor("z") int z) {
        return feature(feature, x, y, z, "overworld");
    }

    /**
     * {@code sim:feature FEATURE X Y Z DIMENSION}.
     *
     * @param id the feature's id
     * @param x x
     * @param y y
     * @param z z
     * @param dimension the world
     * @return the blocks placed and the notes
     */
    @Descriptor("places a started pack's feature at a position: single_block, ore, scatter, aggregate, sequence, "
            + "weighted_random, snap_to_surface, structure_template (a placeholder block, with a warning)")
    public String feature(@Descriptor("the feature's id") String id, @Descriptor("x") int x, @Descriptor("y") int y,
            @Descriptor("z") int z, @Descriptor("overworld (when left out), nether or the_end") String dimension) {
        var at = new BlockPos(x, y, z);
        Dimension world = dimension(dimension);
        return OnGame.call(host.gameThread(), () -> {
            FeatureDefinition feature = host.registry().anywhere(DefinitionKind.FEATURE, id,
                    FeatureDefinition.class).orElseThrow(() -> new SimulationException(NOT_FOUND, "no feature "
                            + id + " in a started pack"));
            if (feature.placement().isEmpty()) {
                throw new SimulationException(INVALID_STATE, feature.id() + " is a " + feature.type()
                        + ", which Plinth keeps as data: sim:feature places " + String.join(", ",
                                FeatureDefinition.SIMULATED.stream().sorted().toList()));
            }
            FeaturePlacer.Result result = features.place(feature.source().pack(), feature,
                    host.world().server().world(world), at);
            var lines = new ArrayList<String>();
            var placement = result.placement();
            lines.add((result.success() ? "placed " : "could not place ") + feature.id() + " (" + feature.type()
                    + ") at " + at + " in " + world.id() + ": " + placement.blocks().size() + " block(s)"
                    + (placement.blocks().isEmpty() ? "" : " (" + placement.counts() + ")"));
            placement.notes().forEach(note -> lines.add("  " + note));
            return String.join(NL, lines);
        });
    }

    /**
     * {@code sim:trades ENTITY}.
     *
     * @param what a pack entity's number, or an entity type
     * @return the tiers and trades
     */
    @Descriptor("lists the trade tiers of a pack entity (by number) or entity type: minecraft:trade_table or "
            + "minecraft:economy_trade_table")
    public String trades(@Descriptor("a pack entity's number, or an entity type") String what) {
        return OnGame.call(host.gameThread(), () -> {
            Optional<EntityComponent.TradeTable> table;
            String pack;
            if (what.matches("\\d+")) {
                PackEntity entity = host.registry().entity(Long.parseLong(what)).orElseThrow(() ->
                        new SimulationException(NOT_FOUND, "no living pack entity " + what));
                table = entity.component(EntityComponent.TradeTable.class);
                pack = entity.type().pack();
            } else {
                EntityDefinition type = host.registry().anywhere(DefinitionKind.ENTITY, what, EntityDefinition.class)
                        .orElseThrow(() -> new SimulationException(NOT_FOUND, "no entity type " + what
                                + " in a started pack"));
                table = tradeTable(type.components()).or(() -> type.groups().values().stream()
                        .flatMap(g -> tradeTable(g).stream()).findFirst());
                pack = type.source().pack();
            }
            EntityComponent.TradeTable trade = table.filter(t -> !t.table().isEmpty()).orElseThrow(() ->
                    new SimulationException(NOT_FOUND, what + " has no trade table"));
            TradeTableDefinition definition = host.registry().find(pack, DefinitionKind.TRADE_TABLE, trade.table(),
                    TradeTableDefinition.class).orElseThrow(() -> new SimulationException(NOT_FOUND, "the trade table "
                            + trade.table() + " is in no started pack"));
            var lines = new ArrayList<String>();
            lines.add(what + " trades from " + definition.id() + " (" + trade.name() + ")");
            lines.addAll(Trades.describe(definition));
            return String.join(NL, lines);
        });
    }

    /** Missing or wrong arguments: the usage. */
    public Object event(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "event");
    }

    /** Missing or wrong arguments: the usage. */
    public Object loot(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "loot");
    }

    /** Missing or wrong arguments: the usage. */
    public Object craft(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "craft");
    }

    /** Missing or wrong arguments: the usage. */
    public Object craftgrid(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "craftgrid");
    }

    /** Missing or wrong arguments: the usage. */
    public Object spawncycle(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "spawncycle");
    }

    /** Missing or wrong arguments: the usage. */
    public Object feature(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "feature");
    }

    /** Missing or wrong arguments: the usage. */
    public Object trades(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "trades");
    }

    private Player player(String name) {
        return host.world().server().player(name).orElseThrow(() -> new SimulationException(NOT_FOUND, "no player '"
                + name + "' is online"));
    }

    private static Dimension dimension(String name) {
        return Dimension.byId(name).orElseThrow(() -> new SimulationException(INVALID_ARGUMENT, "unknown dimension '"
                + name + "': use overworld, nether or the_end"));
    }

    private static Optional<EntityComponent.TradeTable> tradeTable(Map<String, EntityComponent> components) {
        return components.values().stream().filter(EntityComponent.TradeTable.class::isInstance)
                .map(EntityComponent.TradeTable.class::cast).findFirst();
    }
}
