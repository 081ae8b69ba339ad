package dev.plinth.core.runtime.internal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.event.entity.EntityDeathEvent;
import dev.plinth.core.runtime.event.entity.EntityExplodeEvent;
import dev.plinth.core.runtime.event.player.PlayerBreakBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerChangeDimensionEvent;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.event.player.PlayerCommandEvent;
import dev.plinth.core.runtime.event.player.PlayerDeathEvent;
import dev.plinth.core.runtime.event.player.PlayerInteractEvent;
import dev.plinth.core.runtime.event.player.PlayerJoinEvent;
import dev.plinth.core.runtime.event.player.PlayerMoveEvent;
import dev.plinth.core.runtime.event.player.PlayerPlaceBlockEvent;
import dev.plinth.core.runtime.event.player.PlayerQuitEvent;
import dev.plinth.core.runtime.event.server.ServerStartEvent;
import dev.plinth.core.runtime.event.server.ServerTickEvent;
import dev.plinth.core.runtime.event.world.BlockUpdateEvent;
import dev.plinth.core.runtime.event.world.ChunkLoadEvent;
import dev.plinth.core.runtime.event.world.ChunkUnloadEvent;
import dev.plinth.core.runtime.event.world.WeatherChangeEvent;
import dev.plinth.core.runtime.item.Effect;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.GameMode;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.core.runtime.testing.TestServer;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.ChunkPos;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.Weather;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated server: every standard event is posted and its outcome, cancelled or not, is real. */
class SimulatedServerTest {

    @TempDir
    Path home;

    TestServer test;

    @BeforeEach
    void start() {
        test = new TestServer(home);
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private SimPlayer player(String name) {
        return test.onGame(() -> test.server.player(name).orElseThrow());
    }

    @Test
    void serverStartIsPostedOnTheGameThreadBeforeAnyStep() {
        test.simulation().players();
        assertEquals(ServerStartEvent.NAME, test.bus.posted().getFirst().name());
    }

    @Test
    void gameStateOutsideTheGameThreadIsRefused() {
        test.simulation().join("alice");
        SimPlayer alice = player("alice");
        assertEquals("alice", alice.name(), "identity is readable anywhere");
        assertThrows(WrongThreadException.class, alice::position);
        assertThrows(WrongThreadException.class, () -> test.server.world(Dimension.OVERWORLD).block(new BlockPos(0, 0, 0)));
    }

    @Nested
    class Joining {
        @Test
        void aJoinedPlayerIsOnlineAtSpawnAndEveryoneReadsTheJoinMessage() {
            test.simulation().join("alice");
            String result = test.simulation().join("bob");

            assertEquals("bob joined at (0.5, 4, 0.5) in overworld", result);
            assertEquals(List.of("1 message: alice joined the game", "2 message: bob joined the game"),
                    test.simulation().inbox("alice"));
            assertEquals(2, test.simulation().players().size());
        }

        @Test
        void aCancelledJoinKicksWithTheKickMessage() {
            test.bus.subscribe(PlayerJoinEvent.class, event -> event.deny("Server is full"));

            String result = test.simulation().join("alice");

            assertEquals("alice was refused: Server is full", result);
            assertEquals(List.of("1 kicked: Server is full"), test.simulation().inbox("alice"));
            assertTrue(test.simulation().players().isEmpty());
        }

        @Test
        void joiningLoadsTheSpawnChunkAsANewChunk() {
            test.simulation().join("alice");
            var load = test.bus.posted(ChunkLoadEvent.class).getFirst();
            assertEquals(new ChunkPos(0, 0), load.chunk());
            assertTrue(load.isNew());
        }

        @Test
        void aNameIsCheckedAndAPlayerJoinsOnce() {
            var invalid = assertThrows(SimulationException.class, () -> test.simulation().join("not a name"));
            assertEquals(SimulationException.INVALID_ARGUMENT, invalid.code());
            test.simulation().join("alice");
            assertThrows(SimulationException.class, () -> test.simulation().join("ALICE"));
        }

        @Test
        void quittingPostsQuitAndTellsTheOthers() {
            test.simulation().join("alice");
            test.simulation().join("bob");
            test.simulation().quit("bob");

            assertEquals(1, test.bus.posted(PlayerQuitEvent.class).size());
            assertTrue(test.simulation().inbox("alice").contains("3 message: bob left the game"));
            var missing = assertThrows(SimulationException.class, () -> test.simulation().quit("bob"));
            assertEquals("ERR_NOT_FOUND: no player 'bob' is online", missing.getMessage());
        }
    }

    @Nested
    class Chatting {
        @Test
        void chatGoesToTheRecipientsInTheFormat() {
            test.simulation().join("alice");
            test.simulation().join("bob");
            test.simulation().join("carol");
            test.bus.subscribe(PlayerChatEvent.class, event -> {
                event.setFormat("<{player}> {message}");
                event.setRecipients(event.recipients().stream().filter(p -> !p.name().equals("carol")).toList());
            });

            String result = test.simulation().chat("alice", "hello there");

            assertEquals("'<alice> hello there' sent to 2 player(s)", result);
            assertTrue(test.simulation().inbox("bob").getLast().endsWith("message: <alice> hello there"));
            assertFalse(test.simulation().inbox("carol").getLast().contains("hello there"));
        }

        @Test
        void aCancelledChatReachesNobody() {
            test.simulation().join("alice");
            test.bus.subscribe(PlayerChatEvent.class, event -> event.cancel());

            assertEquals("alice's message was cancelled", test.simulation().chat("alice", "spam"));
            assertEquals(1, test.simulation().inbox("alice").size());
        }

        @Test
        void aMonitorHandlerCannotChangeTheMessage() {
            test.simulation().join("alice");
            test.bus.subscribe(PlayerChatEvent.class, HandlerOptions.at(EventPriority.MONITOR),
                    event -> event.setMessage("changed"));

            assertEquals("'alice: original' sent to 1 player(s)", test.simulation().chat("alice", "original"));
        }
    }

    @Nested
    class Moving {
        @Test
        void aMovedPlayerIsAtTheDestination() {
            test.simulation().join("alice");
            assertEquals("alice is at (10, 4, -3)", test.simulation().move("alice", 10, 4, -3));
        }

        @Test
        void aCancelledMovePutsThePlayerBackAtFrom() {
            test.simulation().join("alice");
            test.simulation().move("alice", 5, 4, 5);
            test.bus.subscribe(PlayerMoveEvent.class, event -> event.cancel());

            String result = test.simulation().move("alice", 100, 4, 100);

            assertEquals("alice's move was cancelled: back at (5, 4, 5)", result);
            assertEquals(new Position(5, 4, 5), test.onGame(() -> player("alice").position()));
        }

        @Test
        void aHandlerMayChangeTheDestination() {
            test.simulation().join("alice");
            test.bus.subscribe(PlayerMoveEvent.class, event -> event.setTo(new Position(1, 4, 1)));
            assertEquals("alice is at (1, 4, 1)", test.simulation().move("alice", 100, 4, 100));
        }

        @Test
        void aCancelledDimensionChangeKeepsThePlayerWhereTheyAre() {
            test.simulation().join("alice");
            test.bus.subscribe(PlayerChangeDimensionEvent.class, event -> event.cancel());
            assertFalse(test.onGame(() -> player("alice").teleport(Dimension.NETHER, new Position(0, 4, 0))));
            assertEquals(Dimension.OVERWORLD, test.onGame(() -> player("alice").dimension()));
        }

        @Test
        void aDimensionChangeMovesThePlayerToTheOtherWorld() {
            test.simulation().join("alice");
            assertTrue(test.onGame(() -> player("alice").teleport(Dimension.NETHER, new Position(0, 4, 0))));
            assertEquals(Dimension.NETHER, test.onGame(() -> player("alice").dimension()));
            assertEquals(1, test.onGame(() -> test.server.world(Dimension.NETHER).entities().size()));
        }
    }

    @Nested
    class Blocks {
        @Test
        void theFlatWorldHasBedrockDirtAndGrass() {
            assertEquals("minecraft:bedrock", test.simulation().block("overworld", 0, 0, 0));
            assertEquals("minecraft:dirt", test.simulation().block("overworld", 7, 2, -9));
            assertEquals("minecraft:grass_block", test.simulation().block("overworld", 3, 3, 3));
            assertEquals("minecraft:air", test.simulation().block("overworld", 3, 4, 3));
            assertEquals("minecraft:netherrack", test.simulation().block("nether", 0, 1, 0));
        }

        @Test
        void breakingABlockTurnsItIntoAirAndGivesTheDrops() {
            test.simulation().join("alice");
            String result = test.simulation().breakBlock("alice", 0, 3, 0);

            assertEquals("alice broke minecraft:grass_block at (0, 3, 0), got [minecraft:dirt x1]", result);
            assertEquals("minecraft:air", test.simulation().block("overworld", 0, 3, 0));
            assertEquals(List.of("0: minecraft:dirt x1"), test.simulation().inventory("alice"));
            assertEquals(1, test.bus.posted(BlockUpdateEvent.class).size());
        }

        @Test
        void aCancelledBreakLeavesTheBlock() {
            test.simulation().join("alice");
            test.bus.subscribe(PlayerBreakBlockEvent.class, event -> {
                if (event.block().type().equals("minecraft:bedrock")) {
                    event.cancel();
                }
            });

            String result = test.simulation().breakBlock("alice", 0, 0, 0);

            assertTrue(result.endsWith("cancelled, the block stays"), result);
            assertEquals("minecraft:bedrock", test.simulation().block("overworld", 0, 0, 0));
            assertTrue(test.bus.posted(BlockUpdateEvent.class).isEmpty());
        }

        @Test
        void aCancelledBlockUpdateLeavesTheBlockToo() {
            test.simulation().join("alice");
            test.bus.subscribe(BlockUpdateEvent.class, event -> event.cancel());
            test.simulation().breakBlock("alice", 0, 3, 0);
            assertEquals("minecraft:grass_block", test.simulation().block("overworld", 0, 3, 0));
            assertTrue(test.simulation().inventory("alice").isEmpty());
        }

        @Test
        void placingABlockPutsItAgainstTheOneBelow() {
            test.simulation().join("alice");
            String result = test.simulation().place("alice", 2, 4, 2, "oak_stairs[facing=north]");

            assertEquals("alice placed minecraft:oak_stairs[facing=north] at (2, 4, 2)", result);
            assertEquals(new BlockPos(2, 3, 2), test.bus.posted(PlayerPlaceBlockEvent.class).getFirst().against());
            assertEquals("minecraft:oak_stairs[facing=north]", test.simulation().block("overworld", 2, 4, 2));
        }

        @Test
        void aCancelledPlaceLeavesTheAir() {
            test.simulation().join("alice");
            test.bus.subscribe(PlayerPlaceBlockEvent.class, event -> event.cancel());
            test.simulation().place("alice", 2, 4, 2, "stone");
            assertEquals("minecraft:air", test.simulation().block("overworld", 2, 4, 2));
        }

        @Test
        void placingOnATakenBlockOrInAdventureModeIsRefused() {
            test.simulation().join("alice");
            var taken = assertThrows(SimulationException.class, () -> test.simulation().place("alice", 0, 3, 0, "stone"));
            assertEquals("ERR_INVALID_STATE: (0, 3, 0) is taken by minecraft:grass_block", taken.getMessage());
            test.run(() -> player("alice").setGameMode(GameMode.ADVENTURE));
            assertThrows(SimulationException.class, () -> test.simulation().breakBlock("alice", 0, 3, 0));
        }

        @Test
        void anUnloadedChunkKeepsItsBlocksAndReloadsAsNotNew() {
            test.simulation().join("alice");
            test.simulation().place("alice", 40, 4, 40, "stone");
            var chunk = new ChunkPos(2, 2);
            assertTrue(test.onGame(() -> test.server.world(Dimension.OVERWORLD).unloadChunk(chunk)));
            assertEquals(1, test.bus.posted(ChunkUnloadEvent.class).size());

            assertEquals("minecraft:stone", test.simulation().block("overworld", 40, 4, 40));
            assertFalse(test.bus.posted(ChunkLoadEvent.class).getLast().isNew());
        }

        @Test
        void aChunkWithAPlayerOrACancelledUnloadStaysLoaded() {
            test.simulation().join("alice");
            var world = test.server.world(Dimension.OVERWORLD);
            assertFalse(test.onGame(() -> world.unloadChunk(new ChunkPos(0, 0))));
            test.bus.subscribe(ChunkUnloadEvent.class, event -> event.cancel());
            test.simulation().block("overworld", 100, 0, 100);
            assertFalse(test.onGame(() -> world.unloadChunk(new ChunkPos(6, 6))));
            assertTrue(test.onGame(() -> world.isChunkLoaded(new ChunkPos(6, 6))));
        }
    }

    @Nested
    class Commands {
        @Test
        void aTypedCommandPostsTheEventThenRuns() {
            test.simulation().join("alice");
            String result = test.simulation().command("alice", "/help");
            assertEquals("/help: executed", result);
            var event = test.bus.posted(PlayerCommandEvent.class).getFirst();
            assertEquals("help", event.command());
            assertTrue(test.simulation().inbox("alice").stream().anyMatch(l -> l.endsWith("/help - Lists the commands you can use")));
        }

        @Test
        void aCancelledCommandDoesNotRun() {
            test.simulation().join("alice");
            test.bus.subscribe(PlayerCommandEvent.class, event -> event.cancel());
            assertEquals("/help was cancelled", test.simulation().command("alice", "help me"));
            assertEquals(1, test.simulation().inbox("alice").size());
        }

        @Test
        void anUnknownCommandTellsThePlayer() {
            test.simulation().join("alice");
            assertEquals("/nope: unknown", test.simulation().command("alice", "nope"));
            assertTrue(test.simulation().inbox("alice").getLast().contains("Unknown command: /nope"));
        }
    }

    @Nested
    class Interacting {
        @Test
        void rightClickingABlockNamesTheBlockAndTheHeldItem() {
            test.simulation().join("alice");
            test.run(() -> player("alice").giveItem(new ItemStack("diamond_sword", 1)));

            test.simulation().interact("alice", "right_click", List.of("0", "3", "0"));

            var event = test.bus.posted(PlayerInteractEvent.class).getFirst();
            assertEquals("minecraft:grass_block", event.payload().get("target_block"));
            assertEquals(Optional.of(new ItemStack("diamond_sword", 1)), event.item());
        }

        @Test
        void leftClickingAnEntityAttacksItUnlessCancelled() {
            test.simulation().join("alice");
            long zombie = test.onGame(() -> test.server.world(Dimension.OVERWORLD)
                    .spawnEntity("zombie", new Position(1, 4, 1)).orElseThrow().id());

            test.simulation().interact("alice", "left_click", List.of("entity", Long.toString(zombie)));
            assertEquals(19f, test.onGame(() -> test.server.entity(zombie).orElseThrow().health()));

            test.bus.subscribe(PlayerInteractEvent.class, event -> event.cancel());
            test.simulation().interact("alice", "left_click", List.of("entity", Long.toString(zombie)));
            assertEquals(19f, test.onGame(() -> test.server.entity(zombie).orElseThrow().health()));
        }

        @Test
        void anUnknownActionIsRefused() {
            test.simulation().join("alice");
            assertThrows(SimulationException.class, () -> test.simulation().interact("alice", "kick", List.of()));
        }
    }

    @Nested
    class Dying {
        @Test
        void damageLowersTheHealth() {
            test.simulation().join("alice");
            assertEquals("alice has 15.0 health", test.simulation().damage("alice", 5, "fall"));
        }

        @Test
        void aDeadPlayerDropsTheInventoryAndRespawns() {
            test.simulation().join("alice");
            test.simulation().move("alice", 20, 4, 20);
            test.run(() -> player("alice").giveItem(new ItemStack("diamond", 3)));

            String result = test.simulation().damage("alice", 100, "lava");

            assertEquals("alice died and respawned at (0.5, 4, 0.5)", result);
            assertTrue(test.simulation().inventory("alice").isEmpty());
            List<Entity> drops = test.onGame(() -> test.server.world(Dimension.OVERWORLD).entities().stream()
                    .filter(e -> e.type().equals("minecraft:item")).toList());
            assertEquals(1, drops.size());
            assertEquals(Optional.of(new ItemStack("diamond", 3)), drops.getFirst().item());
            assertEquals(new Position(20, 4, 20), test.onGame(() -> drops.getFirst().position()));
            assertTrue(test.simulation().inbox("alice").contains("2 message: alice died (lava)"));
        }

        @Test
        void keepInventoryKeepsTheItems() {
            test.simulation().join("alice");
            test.run(() -> player("alice").giveItem(new ItemStack("diamond", 3)));
            test.bus.subscribe(PlayerDeathEvent.class, event -> event.setKeepInventory(true));

            test.simulation().damage("alice", 100, "void");

            assertEquals(List.of("0: minecraft:diamond x3"), test.simulation().inventory("alice"));
        }

        @Test
        void creativePlayersTakeNoDamageButFromTheVoid() {
            test.simulation().join("alice");
            test.run(() -> player("alice").setGameMode(GameMode.CREATIVE));
            assertEquals("alice took no damage (cancelled or immune)", test.simulation().damage("alice", 5, "fall"));
            assertEquals("alice has 15.0 health", test.simulation().damage("alice", 5, "void"));
        }

        @Test
        void aDeadMobDropsItsLoot() {
            long zombie = test.onGame(() -> test.server.world(Dimension.OVERWORLD)
                    .spawnEntity("zombie", new Position(1, 4, 1)).orElseThrow().id());
            test.run(() -> test.server.entity(zombie).orElseThrow().damage(50, DamageCause.MAGIC));

            var death = test.bus.posted(EntityDeathEvent.class).getFirst();
            assertEquals(List.of(ItemStack.of("rotten_flesh")), death.drops());
            assertTrue(test.onGame(() -> test.server.entity(zombie)).isEmpty());
        }

        @Test
        void anUnknownCauseIsRefused() {
            test.simulation().join("alice");
            var e = assertThrows(SimulationException.class, () -> test.simulation().damage("alice", 1, "boredom"));
            assertTrue(e.getMessage().startsWith("ERR_INVALID_ARGUMENT: unknown damage cause 'boredom'"), e.getMessage());
        }
    }

    @Nested
    class World {
        @Test
        void anExplosionDestroysTheBlocksAroundIt() {
            test.run(() -> {
                var tnt = test.server.world(Dimension.OVERWORLD).spawnEntity("tnt", new Position(0.5, 3.5, 0.5)).orElseThrow();
                assertTrue(tnt.explode(1));
            });
            assertEquals("minecraft:air", test.simulation().block("overworld", 0, 3, 0));
            assertEquals("minecraft:air", test.simulation().block("overworld", 1, 3, 0));
            assertEquals("minecraft:grass_block", test.simulation().block("overworld", 2, 3, 0));
        }

        @Test
        void aCancelledExplosionDestroysNothing() {
            test.bus.subscribe(EntityExplodeEvent.class, event -> event.cancel());
            test.run(() -> test.server.world(Dimension.OVERWORLD).spawnEntity("tnt", new Position(0.5, 3.5, 0.5))
                    .orElseThrow().explode(2));
            assertEquals("minecraft:grass_block", test.simulation().block("overworld", 0, 3, 0));
        }

        @Test
        void weatherChangesUnlessCancelled() {
            var world = test.server.world(Dimension.OVERWORLD);
            assertTrue(test.onGame(() -> world.setWeather(Weather.RAIN)));
            test.bus.subscribe(WeatherChangeEvent.class, event -> event.cancel());
            assertFalse(test.onGame(() -> world.setWeather(Weather.THUNDER)));
            assertEquals(Weather.RAIN, test.onGame(world::weather));
        }

        @Test
        void noTickEventIsPostedWhileNobodyListens() {
            test.simulation().tick(2);

            assertTrue(test.bus.posted(ServerTickEvent.class).isEmpty());
        }

        @Test
        void timeAndEffectsAdvanceWithTheTicks() {
            test.bus.subscribe(ServerTickEvent.NAME, HandlerOptions.defaults(), event -> { });
            test.simulation().join("alice");
            test.run(() -> player("alice").addEffect(new Effect("speed", 3, 0)));
            var world = test.server.world(Dimension.OVERWORLD);
            long before = test.onGame(world::time);

            test.simulation().tick(2);
            assertEquals(before + 2, test.onGame(world::time));
            assertEquals(1, test.onGame(() -> player("alice").effects().getFirst().durationTicks()));
            test.simulation().tick(1);
            assertTrue(test.onGame(() -> player("alice").effects()).isEmpty());
            assertEquals(3, test.bus.posted(ServerTickEvent.class).size());
        }

        @Test
        void aCancelledSpawnLeavesNoEntity() {
            test.bus.subscribe(dev.plinth.core.runtime.event.entity.EntitySpawnEvent.class, event -> event.cancel());
            assertTrue(test.onGame(() -> test.server.world(Dimension.OVERWORLD)
                    .spawnEntity("cow", new Position(0, 4, 0))).isEmpty());
        }
    }

    @Nested
    class Messages {
        @Test
        void titlesToastsActionBarsAndKicksAreInTheInboxInOrder() {
            test.simulation().join("alice");
            test.run(() -> {
                Player alice = player("alice");
                alice.sendTitle("Hi", "there", 10, 70, 20);
                alice.sendActionBar("bar");
                alice.sendToast("Achievement", "Joined");
                alice.kick("bye");
            });
            assertEquals(List.of("1 message: alice joined the game",
                    "2 title: Hi | there (fade in 10, stay 70, fade out 20)", "3 action bar: bar",
                    "4 toast: Achievement | Joined", "5 kicked: bye"), test.simulation().inbox("alice"));
        }

        @Test
        void aTransferIsRecordedAndDisconnects() {
            test.simulation().join("alice");
            test.run(() -> player("alice").transfer("play.example.net", 19132));
            assertEquals("2 transferred: play.example.net:19132", test.simulation().inbox("alice").getLast());
            assertTrue(test.simulation().players().isEmpty());
        }

        @Test
        void giveItemDropsWhatDoesNotFit() {
            test.simulation().join("alice");
            test.run(() -> {
                Player alice = player("alice");
                for (int i = 0; i < 36; i++) {
                    alice.giveItem(new ItemStack("stone", 64));
                }
                alice.giveItem(new ItemStack("stone", 5));
            });
            assertEquals(1, test.onGame(() -> test.server.world(Dimension.OVERWORLD).entities().stream()
                    .filter(e -> e.item().isPresent()).count()).intValue());
        }
    }
}
