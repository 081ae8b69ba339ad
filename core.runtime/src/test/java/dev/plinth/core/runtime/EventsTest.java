package dev.plinth.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventName;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.HandlerStats;
import dev.plinth.core.events.ReadOnlyEventException;
import dev.plinth.core.runtime.entity.DamageCause;
import dev.plinth.core.runtime.entity.SpawnReason;
import dev.plinth.core.runtime.event.entity.EntityDamageEvent;
import dev.plinth.core.runtime.event.entity.EntityDeathEvent;
import dev.plinth.core.runtime.event.entity.EntityExplodeEvent;
import dev.plinth.core.runtime.event.entity.EntitySpawnEvent;
import dev.plinth.core.runtime.event.player.InteractAction;
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
import dev.plinth.core.runtime.event.player.PlayerRespawnEvent;
import dev.plinth.core.runtime.event.server.ServerStartEvent;
import dev.plinth.core.runtime.event.server.ServerStopEvent;
import dev.plinth.core.runtime.event.server.ServerTickEvent;
import dev.plinth.core.runtime.event.world.BlockUpdateCause;
import dev.plinth.core.runtime.event.world.BlockUpdateEvent;
import dev.plinth.core.runtime.event.world.ChunkLoadEvent;
import dev.plinth.core.runtime.event.world.ChunkUnloadEvent;
import dev.plinth.core.runtime.event.world.WeatherChangeEvent;
import dev.plinth.core.runtime.item.ItemStack;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.testing.TestServer;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.ChunkPos;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.Weather;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard events: their names, their payloads of plain values, and the guard on their setters. */
class EventsTest {

    @TempDir
    Path home;

    @Test
    void everyStandardEventHasItsSeedNameDeclaredOnItsClassAndAPlainPayload() {
        try (var test = new TestServer(home)) {
            test.simulation().join("alice");
            List<Event> events = test.onGame(() -> {
                Player alice = test.server.player("alice").orElseThrow();
                var zombie = test.server.world(Dimension.OVERWORLD).spawnEntity("zombie", new Position(1, 4, 1))
                        .orElseThrow();
                var pos = new BlockPos(1, 2, 3);
                var here = new Position(1, 2, 3);
                return List.of(new PlayerJoinEvent(alice, "hi"), new PlayerQuitEvent(alice, "bye"),
                        new PlayerChatEvent(alice, "m", PlayerChatEvent.DEFAULT_FORMAT, List.of(alice)),
                        new PlayerMoveEvent(alice, here, here),
                        new PlayerBreakBlockEvent(alice, pos, BlockState.of("stone"), List.of(ItemStack.of("stone"))),
                        new PlayerPlaceBlockEvent(alice, pos, BlockState.of("stone"), pos),
                        new PlayerInteractEvent(alice, InteractAction.RIGHT_CLICK, Optional.of(zombie),
                                Optional.empty(), Optional.empty(), Optional.empty()),
                        new PlayerCommandEvent(alice, "warp", List.of("home")),
                        new PlayerDeathEvent(alice, DamageCause.FALL, Optional.empty(), "died", false),
                        new PlayerRespawnEvent(alice, here),
                        new PlayerChangeDimensionEvent(alice, Dimension.OVERWORLD, Dimension.NETHER),
                        new EntityDamageEvent(zombie, 2, DamageCause.FIRE, Optional.of(alice)),
                        new EntityDeathEvent(zombie, DamageCause.FIRE, List.of(), 5),
                        new EntitySpawnEvent(zombie, here, SpawnReason.PLUGIN),
                        new EntityExplodeEvent(zombie, here, 3, List.of(pos)),
                        new BlockUpdateEvent(Dimension.OVERWORLD, pos, BlockState.AIR, BlockState.of("stone"),
                                BlockUpdateCause.PLUGIN),
                        new ChunkLoadEvent(Dimension.OVERWORLD, new ChunkPos(0, 0), true),
                        new ChunkUnloadEvent(Dimension.OVERWORLD, new ChunkPos(0, 0)),
                        new WeatherChangeEvent(Dimension.OVERWORLD, Weather.CLEAR, Weather.RAIN),
                        new ServerTickEvent(7), new ServerStartEvent(), new ServerStopEvent());
            });
            assertEquals(List.of("player_join", "player_quit", "player_chat", "player_move", "player_break_block",
                    "player_place_block", "player_interact", "player_command", "player_death", "player_respawn",
                    "player_change_dimension", "entity_damage", "entity_death", "entity_spawn", "entity_explode",
                    "block_update", "chunk_load", "chunk_unload", "weather_change", "server_tick", "server_start",
                    "server_stop"), events.stream().map(Event::name).toList());
            for (Event event : events) {
                dev.plinth.core.events.NamedEvent.of(event.name(), event.payload()); // refuses anything not plain
                EventName declared = event.getClass().getAnnotation(EventName.class);
                assertNotNull(declared, event.getClass().getName() + " declares its name");
                assertEquals(event.name(), declared.value(), event.getClass().getName());
            }
            assertEquals(Map.of("player", "alice", "message", "m", "format", "{player}: {message}",
                    "recipients", List.of("alice")), events.get(2).payload());
            assertEquals("right_click", events.get(6).payload().get("action"));
            assertEquals(false, events.get(8).payload().get("keep_inventory"));
        }
    }

    @Test
    void theBusKnowsAStandardEventByItsNameBeforeOneIsPosted() {
        try (var test = new TestServer(home)) {
            assertFalse(test.bus.hasHandlers(PlayerBreakBlockEvent.class));
            var calls = new CopyOnWriteArrayList<String>();
            test.bus.subscribe(PlayerBreakBlockEvent.class, HandlerOptions.at(EventPriority.HIGH),
                    event -> calls.add("by class, high"));
            test.bus.subscribe(PlayerBreakBlockEvent.NAME, HandlerOptions.at(EventPriority.LOW),
                    event -> calls.add("by name, low"));

            assertTrue(test.bus.hasHandlers(PlayerBreakBlockEvent.class));
            assertEquals(List.of(PlayerBreakBlockEvent.NAME, PlayerBreakBlockEvent.NAME),
                    test.bus.statistics().stream().map(HandlerStats::event).toList());

            test.simulation().join("alice");
            test.simulation().breakBlock("alice", 0, 3, 0);
            assertEquals(List.of("by name, low", "by class, high"), calls);
        }
    }

    @Test
    void settersAreRefusedWhileTheEventIsReadOnly() {
        try (var test = new TestServer(home)) {
            test.simulation().join("alice");
            var chat = test.onGame(() -> new PlayerChatEvent(test.server.player("alice").orElseThrow(), "m",
                    PlayerChatEvent.DEFAULT_FORMAT, List.of()));
            chat.readOnly(true);
            assertThrows(ReadOnlyEventException.class, () -> chat.setMessage("x"));
            assertThrows(ReadOnlyEventException.class, chat::cancel);
            chat.readOnly(false);
            chat.setFormat("[{player}] {message}");
            assertEquals("[alice] m", chat.formatted());
        }
    }

    @Test
    void aNegativeDamageIsRefused() {
        try (var test = new TestServer(home)) {
            test.simulation().join("alice");
            var damage = test.onGame(() -> new EntityDamageEvent(test.server.player("alice").orElseThrow(), 1,
                    DamageCause.FALL, Optional.empty()));
            assertThrows(IllegalArgumentException.class, () -> damage.setDamage(-1));
            damage.setDamage(0);
            assertTrue(damage.damage() == 0);
        }
    }
}
