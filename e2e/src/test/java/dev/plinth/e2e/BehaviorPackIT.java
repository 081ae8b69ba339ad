package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.testsupport.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example behavior pack ({@code examples/resources/packs/guard-pack}, the seed's {@code custom:guard}) in the
 * real distribution, driven through the shell: spawn, look, events, kill with loot, give, craft, roll loot, trades,
 * its script on the Script API ({@code @minecraft/server}), and a restart that replaces the pack's definitions (its
 * entities despawn).
 */
class BehaviorPackIT {

    @TempDir
    Path home;

    /** Copies the installation's guard-pack into the home, with these settings. */
    private void deployTheGuardPack(String serverJson) throws IOException {
        Path installed = PlinthInstance.at(home).installDir().resolve("resources");
        Folders.copy(installed.resolve("guard-pack"), home.resolve("resources").resolve("guard-pack"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), serverJson);
    }

    /** Settings that start one resource at startup, with the clock paused. */
    private void startsPaused(String resource) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), """
                { "StartupResources": ["%s"], "game": { "startPaused": true } }
                """.formatted(resource));
    }

    @Test
    void theGuardPackComesAliveInTheSimulatedWorld() throws Exception {
        deployTheGuardPack("""
                { "StartupResources": ["guard-pack"], "game": { "startPaused": true }, "packs": { "seed": 7 } }
                """);
        var run = PlinthInstance.at(home).script(
                "pack:list",
                "pack:show entity custom:guard",
                "sim:spawn custom:guard 3 4 3",
                "sim:entity 1",
                "sim:event 1 custom:promote",
                "molang:eval \"q.property('custom:alert') * 10 + q.variant\" entity 1",
                "sim:trades 1",
                "sim:join Steve",
                "sim:kill 1 Steve",
                "sim:give Steve custom:ruby 40",
                "sim:give Steve minecraft:stick 1",
                "sim:craft Steve custom:ruby_sword",
                "sim:craft Steve custom:rubies_from_gems",
                "sim:inventory Steve",
                "sim:inbox Steve",
                "sim:loot loot_tables/entities/guard.json 42",
                "sim:give Steve minecraft:stick 2",
                "sim:craftgrid Steve custom:ruby,custom:ruby minecraft:stick,custom:ruby minecraft:stick,-",
                "sim:craftgrid Steve custom:ruby,custom:ruby custom:ruby,custom:ruby",
                "sim:place Steve 10 4 10 custom:ruby_block",
                "sim:break Steve 10 4 10",
                "sim:place Steve 11 4 11 'custom:ruby_block[custom:cracked=true]'",
                "sim:break Steve 11 4 11",
                "sim:place Steve 12 4 12 'custom:ruby_block[custom:shiny=true]'",
                "sim:feature custom:ruby_ore_feature 0 1 0",
                "sim:feature custom:guard_camp_feature 20 4 20",
                "sim:block overworld 20 4 20",
                "sim:feature custom:nothing 0 4 0",
                "sim:spawn custom:guard 5 4 5",
                "sim:tick 40",
                "resource:restart guard-pack",
                "sim:entities",
                "sim:spawncycle",
                "sim:spawncycle the_end",
                "sim:spawn custom:nothing 1 4 1",
                "sim:spawn custom:guard");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("[guard-pack] guard-pack script up at tick "), "the pack's script:\n" + out);
        assertTrue(out.contains("The guards watch over you, Steve.") && out.contains("A guard has fallen at 3, 3."),
                "the script's playerSpawn and entityDie subscribers (sim:inbox):\n" + out);
        assertTrue(out.contains("[guard-pack] the guards are on duty (tick "), "system.runTimeout:\n" + out);
        assertTrue(out.contains("guard-pack (data, script): 1 entity, 1 item, 1 block, 3 recipe, 3 loot_table, 1 trade_table, "
                + "1 spawn_rule, 5 feature, 1 feature_rule; 0 file(s) skipped"), "pack:list:\n" + out);
        assertTrue(out.contains("reading behavior pack guard-pack: done in"), "the loader's progress:\n" + out);
        assertTrue(out.contains("entity custom:guard (guard-pack: entities/guard.json, format 1.20.0)"), out);
        assertTrue(out.contains("spawned custom:guard #1 at (3, 4, 3) in overworld"), out);
        assertTrue(out.contains("custom:guard #1 at (3, 4, 3) in overworld, health 30/30, defined by guard-pack"), out);
        assertTrue(out.contains("groups: hostile, trader"), "entity_spawned added the groups:\n" + out);
        assertTrue(out.contains("properties: custom:alert=1, custom:mood=calm"), "the Molang default:\n" + out);
        assertTrue(out.contains("ran custom:promote on custom:guard #1"), out);
        assertTrue(out.contains("groups: hostile, trader, veteran"), out);
        assertTrue(out.contains("properties: custom:alert=2, custom:mood=angry"), out);
        assertTrue(out.contains("plinth> molang:eval \"q.property('custom:alert') * 10 + q.variant\" entity 1"
                + System.lineSeparator() + "21"), "the shell's Molang sees the pack entity's property and variant:\n"
                + out);
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
        assertTrue(out.contains("crafted custom:ruby_axe (pattern mirrored) from the grid [custom:ruby, custom:ruby] / "
                + "[minecraft:stick, custom:ruby] / [minecraft:stick, -]: took [custom:ruby x3, minecraft:stick x2], gave "
                + "[minecraft:iron_axe x1]"), "a mirrored shaped recipe:\n" + out);
        assertTrue(out.contains("ERR_NOT_FOUND: no crafting table recipe of a started pack matches the grid"), out);
        assertTrue(out.contains("Steve broke custom:ruby_block[custom:cracked=false] at (10, 4, 10), got "
                + "[custom:ruby x4]"), "a pack block's loot:\n" + out);
        assertTrue(out.contains("Steve broke custom:ruby_block[custom:cracked=true] at (11, 4, 11), got "
                + "[custom:ruby x1]"), "the permutation's loot:\n" + out);
        assertTrue(out.contains("ERR_INVALID_ARGUMENT: custom:ruby_block has no state custom:shiny"), out);
        assertTrue(out.matches("(?s).*placed custom:ruby_ore_feature \\(ore_feature\\) at \\(0, 1, 0\\) in overworld: "
                + "\\d+ block\\(s\\) \\(minecraft:diamond_ore x\\d+\\).*"), "an ore vein in the dirt:\n" + out);
        assertTrue(out.matches("(?s).*placed custom:guard_camp_feature \\(aggregate_feature\\) at \\(20, 4, 20\\) in "
                + "overworld: \\d+ block\\(s\\) \\(minecraft:structure_block x1, custom:ruby_block\\[custom:cracked=true] "
                + "x\\d\\).*"), "a structure placeholder and scattered blocks:\n" + out);
        assertTrue(out.contains("warning: custom:guard_tower_feature places the structure 'custom:guard_tower', whose "
                + ".mcstructure file Plinth does not load"), out);
        assertTrue(out.contains("ERR_NOT_FOUND: no feature custom:nothing in a started pack"), out);
        assertTrue(out.contains("pack guard-pack stopped"), out);
        assertTrue(out.matches("(?s).*spawn cycle in overworld around Steve at \\([^)]*\\): [12] spawned\\s+"
                + "custom:guard: spawned #\\d+ at .*"), "the spawn rule spawned a herd of guards:\n" + out);
        assertTrue(out.contains("spawn cycle in the_end around the spawn point"), out);
        assertTrue(out.contains("custom:guard: not spawned: biome_filter fails in the_end"), out);
        String afterRestart = out.substring(out.lastIndexOf("plinth> sim:entities"));
        assertTrue(!afterRestart.substring(0, afterRestart.indexOf("plinth> ", 8)).contains("custom:guard"),
                "the restart despawned the guards:\n" + out);
        assertTrue(out.contains("ERR_NOT_FOUND: no entity type custom:nothing is registered by a resource"), out);
        assertTrue(out.contains("missing or wrong arguments; usage: sim:spawn TYPE X Y Z")
                && out.contains("usage: sim:spawn TYPE X Y Z DIMENSION"), "the usage of sim:spawn:\n" + out);
    }

    @Test
    void theSpawnerRunsByItselfWhenTheSettingsAskForIt() throws Exception {
        deployTheGuardPack("""
                { "StartupResources": ["guard-pack"], "game": { "startPaused": true },
                  "packs": { "seed": 3, "spawn_interval_ticks": 20 } }
                """);
        var run = PlinthInstance.at(home).script(
                "sim:join Alex",
                "sim:tick 100",
                "sim:entities",
                "resource:stop guard-pack",
                "sim:tick 40",
                "sim:entities");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("pack spawner: a spawn cycle every 20 ticks (packs.spawn_interval_ticks)"), out);
        assertTrue(out.contains("spawn cycle in overworld: custom:guard: spawned #"), out);
        String listed = out.substring(out.indexOf("plinth> sim:entities"), out.indexOf("plinth> resource:stop"));
        long guards = listed.lines().filter(l -> l.startsWith("custom:guard #")).count();
        assertTrue(guards >= 1 && guards <= 4, "the density limit holds the guards at 4 on the surface:\n" + listed);
        String afterStop = out.substring(out.lastIndexOf("plinth> sim:entities"));
        assertTrue(afterStop.lines().noneMatch(l -> l.startsWith("custom:guard #")),
                "a stopped pack spawns nothing and its guards are gone:\n" + out);
    }

    @Test
    void aLinkInsideAPackDoesNotLetItReadOutsideIt() throws Exception {
        // A file outside resources/ that a pack author would like the server to read for them.
        Path secret = Files.writeString(home.resolve("secret.json"), """
                { "format_version": "1.20.0", "minecraft:entity": {
                    "description": { "identifier": "secret:hunter2" }, "components": {} } }
                """);
        Path installed = PlinthInstance.at(home).installDir().resolve("resources");
        Path pack = home.resolve("resources").resolve("leaky-pack");
        Files.createDirectories(pack.resolve("entities"));
        Files.copy(installed.resolve("guard-pack/manifest.json"), pack.resolve("manifest.json"));
        Files.createSymbolicLink(pack.resolve("entities/leak.json"), secret);
        startsPaused("leaky-pack");
        var run = PlinthInstance.at(home).script("pack:show entity secret:hunter2", "resource:why leaky-pack");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("ERR_NOT_FOUND: no entity 'secret:hunter2' in a started pack"), out);
        assertTrue(!out.contains("\"identifier\" : \"secret:hunter2\""), "the linked file was never read:\n" + out);
        assertTrue(out.contains("symbolic link"), "the resource says why it is refused:\n" + out);
    }

    /** A behavior pack with a script module on the Script API (a data module with one item beside it). */
    private Path scriptedPack(String name, String script) throws IOException {
        Path installed = PlinthInstance.at(home).installDir().resolve("resources");
        Path pack = home.resolve("resources").resolve(name);
        Files.createDirectories(pack.resolve("items"));
        Files.createDirectories(pack.resolve("scripts"));
        Files.copy(installed.resolve("guard-pack/items/ruby.json"), pack.resolve("items/ruby.json"));
        Files.writeString(pack.resolve("scripts/main.js"), script);
        Files.writeString(pack.resolve("manifest.json"), """
                {
                  "format_version": 2,
                  "header": { "name": "Scripted", "description": "a data and a script module",
                    "uuid": "3c1f5d7e-2b4a-4c6d-8e0f-1a2b3c4d5e6f", "version": [1, 0, 0],
                    "min_engine_version": [1, 21, 0] },
                  "modules": [
                    { "type": "data", "uuid": "4d2e6f80-3c5b-4d7e-9f10-2b3c4d5e6f70", "version": [1, 0, 0] },
                    { "type": "script", "language": "javascript", "entry": "scripts/main.js",
                      "uuid": "5e3f7091-4d6c-4e8f-a021-3c4d5e6f7081", "version": [1, 0, 0] }
                  ],
                  "dependencies": [ { "module_name": "@minecraft/server", "version": "1.15.0" } ]
                }
                """);
        return pack;
    }

    @Test
    void aScriptModuleRunsOnTheScriptApi() throws Exception {
        scriptedPack("scripted-pack", """
                import { world, system, Player, ItemStack } from "@minecraft/server";
                import { describe } from "./where.js";

                world.afterEvents.playerSpawn.subscribe((e) => {
                  console.log(`spawn: ${e.player.name} initial=${e.initialSpawn} player=${e.player instanceof Player}`);
                  e.player.sendMessage({ rawtext: [{ text: "welcome, " }, { text: e.player.name }] });
                });
                world.beforeEvents.chatSend.subscribe((e) => {
                  if (e.message.includes("griefing")) { e.cancel = true; console.log(`refused: ${e.message}`); }
                });
                const heard = world.afterEvents.chatSend.subscribe((e) => console.log(`heard ${e.sender.name}: ${e.message}`));
                world.afterEvents.playerLeave.subscribe((e) => console.log(`left: ${e.playerName}`));
                world.afterEvents.playerBreakBlock.subscribe((e) =>
                  console.log(`broke ${e.brokenBlockPermutation.type.id} at ${describe(e.block.location)}, now ${e.block.typeId}`));
                world.afterEvents.entityDie.subscribe((e) =>
                  console.log(`died: ${e.deadEntity.typeId} (${e.damageSource.cause})`));
                world.afterEvents.playerSpawn.subscribe(() => { throw new Error("a broken subscriber"); });

                const overworld = world.getDimension("minecraft:overworld");
                const pig = overworld.spawnEntity("minecraft:pig", { x: 2, y: 4, z: 2 });
                const health = pig.getComponent("minecraft:health");
                console.log(`spawned ${pig.typeId} at ${describe(pig.location)} in ${pig.dimension.id}, health ${health.currentValue}/${health.effectiveMax}`);
                overworld.getBlock({ x: 6, y: 4, z: 6 }).setType("minecraft:stone");
                console.log(`block: ${overworld.getBlock({ x: 6, y: 4, z: 6 }).typeId}`);
                try { world.getAllEntities(); } catch (e) { console.log(`refused: ${e.message}`); }
                try { new ItemStack("minecraft:apple"); } catch (e) { console.log(`refused: ${e.message}`); }

                const start = system.currentTick;
                let beats = 0;
                const beat = system.runInterval(() => {
                  beats++;
                  if (beats === 3) {
                    system.clearRun(beat);
                    world.afterEvents.chatSend.unsubscribe(heard);
                    console.log(`three beats by tick ${system.currentTick - start}`);
                  }
                }, 5);
                system.runTimeout(() => console.log(`timeout after ${system.currentTick - start} ticks`), 10);
                system.run(() => world.sendMessage("hello from a script"));
                """);
        Files.writeString(home.resolve("resources/scripted-pack/scripts/where.js"),
                "export const describe = (p) => `${p.x}, ${p.y}, ${p.z}`;\n");
        startsPaused("scripted-pack");
        var run = PlinthInstance.at(home).script("pack:list", "pack:info scripted-pack", "sim:join Steve",
                "sim:chat Steve hello there", "sim:chat Steve no griefing please", "sim:tick 20",
                "sim:chat Steve after the beats", "sim:place Steve 8 4 8 minecraft:dirt", "sim:break Steve 8 4 8",
                "sim:kill 1 Steve", "sim:inbox Steve", "sim:quit Steve", "resource:stop scripted-pack", "sim:join Alex",
                "sim:inbox Alex");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("scripted-pack (data, script): 1 item; 0 file(s) skipped"), "pack:list:\n" + out);
        assertTrue(out.contains("  script 1.0.0: scripts/main.js (javascript; @minecraft/server 1.15.0)")
                && out.contains("script: scripts/main.js (running)"), "pack:info:\n" + out);
        assertTrue(out.contains("[scripted-pack] spawned minecraft:pig at 2, 4, 2 in minecraft:overworld, health "),
                out);
        assertTrue(out.contains("[scripted-pack] block: minecraft:stone"), out);
        assertTrue(out.contains("[scripted-pack] refused: world.getAllEntities is not supported by Plinth"), out);
        assertTrue(out.contains("[scripted-pack] refused: ItemStack is not supported by Plinth"), out);
        assertTrue(out.contains("[scripted-pack] spawn: Steve initial=true player=true"), out);
        assertTrue(out.contains("a broken subscriber"), "a failing subscriber is reported:\n" + out);
        assertTrue(out.contains("[scripted-pack] heard Steve: hello there"), out);
        assertTrue(out.contains("[scripted-pack] refused: no griefing please")
                && !out.contains("heard Steve: no griefing please"), "beforeEvents.chatSend cancels:\n" + out);
        assertTrue(out.contains("[scripted-pack] three beats by tick 15"), "runInterval and clearRun:\n" + out);
        assertTrue(out.contains("[scripted-pack] timeout after 10 ticks"), out);
        assertTrue(!out.contains("heard Steve: after the beats"), "unsubscribe:\n" + out);
        assertTrue(out.contains("[scripted-pack] broke minecraft:dirt at 8, 4, 8, now minecraft:air"), out);
        assertTrue(out.contains("[scripted-pack] died: minecraft:pig"), out);
        assertTrue(out.contains("welcome, Steve") && out.contains("hello from a script"), "sim:inbox:\n" + out);
        assertTrue(out.contains("[scripted-pack] left: Steve"), out);
        assertTrue(!out.contains("spawn: Alex"), "the script stopped with its pack:\n" + out);
    }

    @Test
    void aScriptThatFailsFailsThePacksStartWithItsFileAndLine() throws Exception {
        scriptedPack("broken-script", """
                import { world } from "@minecraft/server";

                world.afterEvents.playerSpawn.subscribe(() => {});
                world.noSuchThing();
                """);
        startsPaused("broken-script");
        var run = PlinthInstance.at(home).script("resource:list", "resource:why broken-script", "pack:list");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("world.noSuchThing is not supported by Plinth"), out);
        assertTrue(out.contains("scripts/main.js:4"), "the file and line:\n" + out);
        assertTrue(!out.contains("broken-script (data, script)"), "the pack did not start:\n" + out);
    }

    @Test
    void aScriptThatSpinsInASubscriberIsStoppedWithItsPackWhileTheServerTicks() throws Exception {
        scriptedPack("spinning-pack", """
                import { world } from "@minecraft/server";
                const kept = [];
                world.beforeEvents.chatSend.subscribe((e) => {
                  kept.push(e.message);
                  while (true) {}
                });
                """);
        startsPaused("spinning-pack");
        var run = PlinthSession.untilStoppedForLimits(PlinthInstance.at(home), "spinning-pack", "bedrock",
                "sim:join Steve", "sim:chat Steve one", "sim:chat Steve two", "sim:chat Steve three",
                "sim:chat Steve four", "sim:tick 20");

        String out = run.output();
        assertEquals(0, run.exitCode(), out);
        assertTrue(out.contains("statement budget"), "the limit it broke:\n" + out);
        assertTrue(out.contains("'Steve: four' sent to 1 player(s)"), "the chat goes on without the pack:\n" + out);
        assertTrue(out.contains("tick 20"), "the server still ticks:\n" + out);
    }

    @Test
    void aRestartWithNewContentIsReadBeforeTheSwap() throws Exception {
        deployTheGuardPack("""
                { "StartupResources": ["guard-pack"], "game": { "startPaused": true } }
                """);
        var instance = PlinthInstance.at(home);
        Process process = instance.start();
        try {
            instance.awaitOutput("pack guard-pack started");
            Path guard = home.resolve("resources/guard-pack/entities/guard.json");
            Files.writeString(guard, Files.readString(guard).replace("\"minecraft:health\": { \"value\": 30, \"max\": 30 }",
                    "\"minecraft:health\": { \"value\": 35, \"max\": 35 }"));
            PlinthInstance.send(process, "resource:restart guard-pack");
            instance.awaitOutput("pack guard-pack: its new content was read before the swap");
            PlinthInstance.send(process, "sim:spawn custom:guard 1 4 1", "sim:entity 1", "shutdown");
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the instance stops");
            String out = Files.readString(instance.consoleLog());
            assertTrue(out.contains("custom:guard #1 at (1, 4, 1) in overworld, health 35/35"), "the new content:\n" + out);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aLargeStartupPackIsReadOnceTheShellIsReady() throws Exception {
        Path pack = home.resolve("resources/big-pack");
        Files.createDirectories(pack.resolve("items"));
        Files.writeString(pack.resolve("manifest.json"), """
                {"format_version": 2,
                 "header": {"name": "Big Pack", "uuid": "0b1c2d3e-0000-4000-8000-000000000001", "version": [1, 0, 0],
                            "min_engine_version": [1, 21, 0]},
                 "modules": [{"type": "data", "uuid": "0b1c2d3e-0000-4000-8000-000000000002", "version": [1, 0, 0]}]}
                """);
        int items = 501; // one more than a pack whose read the boot waits for
        for (int i = 0; i < items; i++) {
            Files.writeString(pack.resolve("items/item_" + i + ".json"), """
                    {"format_version": "1.21.40",
                     "minecraft:item": {"description": {"identifier": "custom:item_%d"}, "components": {}}}
                    """.formatted(i));
        }
        startsPaused("big-pack");
        var run = PlinthInstance.at(home).script("resource:ensure big-pack", "pack:list");

        String out = run.output();
        assertEquals(0, run.exitCode(), out);
        assertTrue(out.contains("big-pack: starts once the shell is ready (reading 501 definition files of the "
                + "behavior pack)"), "the boot did not wait for the read:\n" + out);
        assertTrue(out.contains("big-pack (data): 501 item; 0 file(s) skipped"), "ensure waited for its start:\n" + out);
    }
}
