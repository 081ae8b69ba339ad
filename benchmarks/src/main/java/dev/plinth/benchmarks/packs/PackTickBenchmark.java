package dev.plinth.benchmarks.packs;

import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.testkit.PlinthTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One tick of the simulated server with pack entities, in a real framework (the testkit's): a behavior pack whose
 * {@code bench:walker} has {@code minecraft:health}, {@code minecraft:movement} with a wandering goal, and one Molang
 * property that an animation controller reads every tick; 0 of them (the baseline: an empty tick plus the hand-off to
 * the game thread that {@link Simulation#tick} makes) and 1,000. The target: the tick with 1,000 takes 5 ms
 * or less.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class PackTickBenchmark {

    /** How many pack entities walk the world. */
    @Param({"0", "1000"})
    public int entities;

    private Path pack;
    private PlinthTestServer server;
    private Simulation simulation;

    /**
     * Boots the server with the pack and spawns the entities.
     *
     * @throws IOException when the pack cannot be written
     * @throws InterruptedException when interrupted while the pack starts
     */
    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        pack = Files.createTempDirectory("plinth-bench-pack").resolve("bench-pack");
        write(pack, Map.of(
                "manifest.json", """
                        { "format_version": 2,
                          "header": { "name": "Bench", "uuid": "0b7a2d5e-8f4a-4d6b-9a51-3c2e1f0d9b71",
                                      "version": [1, 0, 0], "min_engine_version": [1, 21, 0] },
                          "modules": [ { "type": "data", "uuid": "6e1d9c3b-2a4f-4e8d-b7c6-5f0a1b2c3d4e",
                                         "version": [1, 0, 0] } ] }
                        """,
                "entities/walker.json", """
                        { "format_version": "1.20.0", "minecraft:entity": {
                            "description": { "identifier": "bench:walker", "is_spawnable": true, "is_summonable": true,
                              "properties": { "bench:phase": { "type": "int", "range": [0, 100],
                                                               "default": "math.random_integer(0, 99)" } },
                              "animations": { "watch": "controller.animation.bench.walker" },
                              "scripts": { "animate": [ "watch" ] } },
                            "components": {
                              "minecraft:health": { "value": 20, "max": 20 },
                              "minecraft:movement": { "value": 0.25 },
                              "minecraft:behavior.random_stroll": { "priority": 6, "speed_multiplier": 1.0 },
                              "minecraft:collision_box": { "width": 0.6, "height": 1.8 } } } }
                        """,
                "animation_controllers/walker.json", """
                        { "format_version": "1.10.0", "animation_controllers": {
                            "controller.animation.bench.walker": { "initial_state": "calm", "states": {
                              "calm": { "transitions": [ { "alert": "q.property('bench:phase') > 100" } ] },
                              "alert": {} } } } }
                        """));
        server = PlinthTestServer.builder().withResource(pack)
                .withServerJson("{ \"StartupResources\": [\"bench-pack\"], \"packs\": { \"seed\": 1 } }")
                .start();
        simulation = server.simulation();
        awaitThePack();
        for (int i = 0; i < entities; i++) {
            simulation.spawn("bench:walker", "overworld", (i % 40) * 3 - 60, 4, (i / 40) * 3 - 40);
        }
        simulation.tick(20);
    }

    private void awaitThePack() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                simulation.spawn("bench:walker", "the_end", 0, 4, 0);
                return;
            } catch (SimulationException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bench pack did not start: " + e.getMessage(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void write(Path folder, Map<String, String> files) throws IOException {
        for (var file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    /**
     * One tick.
     *
     * @return its number
     */
    @Benchmark
    public long tick() {
        return simulation.tick(1);
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }
}
