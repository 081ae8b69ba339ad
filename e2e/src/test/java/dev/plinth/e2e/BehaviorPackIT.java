package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.testsupport.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example behavior pack ({@code examples/resources/packs/guard-pack}, the seed's {@code custom:guard}) in the
 * real distribution, driven through the shell: spawn, look, events, kill with loot, give, craft, roll loot, trades,
 * and a restart that replaces the pack's definitions (its entities despawn).
 */
class BehaviorPackIT {

    @TempDir
    Path home;

    @Test
    void theGuardPackComesAliveInTheSimulatedWorld() throws Exception {
        Path installed = PlinthInstance.at(home).installDir().resolve("resources");
        Folders.copy(installed.resolve("guard-pack"), home.resolve("resources").resolve("guard-pack"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), """
                { "StartupResources": ["guard-pack"], "game": { "startPaused": true }, "packs": { "seed": 7 } }
                """);
        var run = PlinthInstance.at(home).script(
                "pack:list",
                "pack:show entity custom:guard",
                "sim:spawn custom:guard 3 4 3",
                "sim:entity 1",
                "sim:event 1 custom:promote",
                "sim:trades 1",
                "sim:join Steve",
                "sim:kill 1 Steve",
                "sim:give Steve custom:ruby 40",
                "sim:give Steve minecraft:stick 1",
                "sim:craft Steve custom:ruby_sword",
                "sim:craft Steve custom:rubies_from_gems",
                "sim:inventory Steve",
                "sim:loot loot_tables/entities/guard.json 42",
                "sim:spawn custom:guard 5 4 5",
                "sim:tick 40",
                "resource:restart guard-pack",
                "sim:entities",
                "sim:spawn custom:nothing 1 4 1",
                "sim:spawn custom:guard");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("guard-pack: 1 entity, 1 item, 2 recipe, 1 loot_table, 1 trade_table, 1 spawn_rule, "
                + "1 feature, 1 feature_rule; 0 file(s) skipped"), "pack:list:\n" + out);
        assertTrue(out.contains("entity custom:guard (guard-pack: entities/guard.json, format 1.20.0)"), out);
        assertTrue(out.contains("spawned custom:guard #1 at (3, 4, 3) in overworld"), out);
        assertTrue(out.contains("custom:guard #1 at (3, 4, 3) in overworld, health 30/30, defined by guard-pack"), out);
        assertTrue(out.contains("groups: hostile, trader"), "entity_spawned added the groups:\n" + out);
        assertTrue(out.contains("properties: custom:alert=1, custom:mood=calm"), "the Molang default:\n" + out);
        assertTrue(out.contains("ran custom:promote on custom:guard #1"), out);
        assertTrue(out.contains("groups: hostile, trader, veteran"), out);
        assertTrue(out.contains("properties: custom:alert=2, custom:mood=angry"), out);
        assertTrue(out.contains("tier 1 (from 0 trader xp):") && out.contains("[minecraft:emerald x2-4] -> "
                + "[custom:ruby x1] (max uses 8, trader xp 0)"), "sim:trades:\n" + out);
        assertTrue(out.matches("(?s).*custom:guard #1 died \\(killed by Steve\\): dropped \\[custom:ruby x[12].*, 7 xp.*"),
                "loot and q.property in experience_reward:\n" + out);
        assertTrue(out.contains("gave 40 custom:ruby to Steve (16 per stack)"), "max_stack_size:\n" + out);
        assertTrue(out.contains("crafted custom:ruby_sword: took [custom:ruby x2, minecraft:stick x1], gave "
                + "[minecraft:iron_sword x1]"), out);
        assertTrue(out.contains("ERR_INVALID_STATE: cannot craft custom:rubies_from_gems: missing 1 minecraft:diamond"),
                out);
        assertTrue(out.contains("loot_tables/entities/guard.json rolled: [custom:ruby x"), out);
        assertTrue(out.contains("pack guard-pack stopped"), out);
        String afterRestart = out.substring(out.lastIndexOf("plinth> sim:entities"));
        assertTrue(!afterRestart.substring(0, afterRestart.indexOf("plinth> ", 8)).contains("custom:guard"),
                "the restart despawned the guards:\n" + out);
        assertTrue(out.contains("ERR_NOT_FOUND: no entity type custom:nothing is registered by a resource"), out);
        assertTrue(out.contains("ERR_INVALID_ARGUMENT: usage: sim:spawn TYPE X Y Z [DIMENSION] (3 missing)"), out);
    }
}
