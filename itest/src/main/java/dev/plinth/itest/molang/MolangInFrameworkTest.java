package dev.plinth.itest.molang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.molang.MolangErrorCode;
import dev.plinth.bedrock.molang.MolangEvaluationException;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangQueries;
import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.molang.world.MolangWorld;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.runtime.item.Effect;
import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Dimension;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.core.runtime.world.Weather;
import dev.plinth.core.runtime.world.World;
import dev.plinth.itest.lua.RuntimeServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Molang inside a real framework: the {@link MolangWorld} service answers entity queries from the simulated world,
 * keeps each entity's variables while it lives, takes queries registered as services, and the {@code molang:}
 * shell commands evaluate and check expressions.
 */
class MolangInFrameworkTest {

    private final BundleContext context = FrameworkUtil.getBundle(MolangInFrameworkTest.class).getBundleContext();
    private final RuntimeServices services = new RuntimeServices(context);
    private final List<AutoCloseable> cleanUp = new CopyOnWriteArrayList<>(List.of(services));

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : cleanUp.reversed()) {
            closeable.close();
        }
    }

    private <T> T service(Class<T> type) {
        return services.await(type);
    }

    private <T> T onGameThread(Callable<T> work) throws Exception {
        return service(GameThread.class).submit(work).get(10, TimeUnit.SECONDS);
    }

    private CommandSession shell() {
        CommandSession session = service(CommandProcessor.class).createSession(
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        cleanUp.add(session::close);
        return session;
    }

    private long join(String name) throws Exception {
        Simulation simulation = service(Simulation.class);
        simulation.join(name);
        cleanUp.add(() -> {
            try {
                simulation.quit(name);
            } catch (SimulationException alreadyGone) {
                // the test made them leave
            }
        });
        return onGameThread(() -> service(Server.class).player(name).orElseThrow().id());
    }

    private Entity spawn(String type, double x, double y, double z) throws Exception {
        Entity entity = onGameThread(() -> service(Server.class).world(Dimension.OVERWORLD)
                .spawnEntity(type, new Position(x, y, z)).orElseThrow());
        cleanUp.add(() -> onGameThread(() -> {
            entity.remove();
            return null;
        }));
        return entity;
    }

    @Test
    void theShellEvaluatesAgainstAPlayerOfTheSimulatedWorld() throws Exception {
        long id = join("molang_alice");
        CommandSession shell = shell();
        assertEquals("20", shell.execute("molang:eval q.health entity " + id));
        assertEquals("1", shell.execute("molang:eval \"q.health / q.max_health\" entity " + id));
        assertEquals("1", shell.execute("molang:eval \"query.is_on_ground && query.is_alive\" entity " + id));
        assertEquals("4", shell.execute("molang:eval \"q.position(1)\" entity " + id));
        assertEquals("'molang_alice'", shell.execute("molang:eval q.get_name entity " + id));
        assertEquals("1", shell.execute("molang:eval \"q.is_name_any('bob', 'molang_alice')\" entity " + id));
        assertEquals("3", shell.execute("molang:eval 1 + 2"));
        assertEquals("0\nnote: 1:1: unknown query 'query.is_sneaking' evaluates to 0",
                String.valueOf(shell.execute("molang:eval q.is_sneaking entity " + id)).replace("\r", ""));
        assertTrue(String.valueOf(shell.execute("molang:eval")).startsWith("usage: molang:eval EXPRESSION"));
        Exception e = assertThrows(Exception.class, () -> shell.execute("molang:eval \"math.sin(\""));
        assertEquals("molang: 1:10: expected an expression in \"math.sin(\"", e.getMessage());
        Exception missing = assertThrows(Exception.class, () -> shell.execute("molang:eval q.health entity 999999"));
        assertEquals("no entity 999999 on the server", missing.getMessage());
    }

    @Test
    void variablesAreKeptPerEntityWhileItLives() throws Exception {
        long alice = join("molang_var_a");
        long bob = join("molang_var_b");
        CommandSession shell = shell();
        assertEquals("0", shell.execute("molang:eval \"v.hits = (v.hits ?? 0) + 1;\" entity " + alice));
        assertEquals("0", shell.execute("molang:eval \"v.hits = (v.hits ?? 0) + 1;\" entity " + alice));
        assertEquals("2", shell.execute("molang:eval v.hits entity " + alice));
        assertEquals("0", shell.execute("molang:eval v.hits entity " + bob));
        service(Simulation.class).quit("molang_var_a");
        long again = join("molang_var_a");
        assertEquals("0", shell.execute("molang:eval v.hits entity " + again), "a new session starts afresh");
    }

    @Test
    void entityQueriesReadTheWorld() throws Exception {
        MolangWorld molang = service(MolangWorld.class);
        Entity zombie = spawn("minecraft:zombie", 100.5, 4, 100.5);
        spawn("minecraft:zombie", 103.5, 4, 100.5);
        spawn("minecraft:zombie", 140.5, 4, 100.5);
        MolangScope scope = molang.molang().scope("itest", molang.queries());
        cleanUp.add(scope);
        MolangExpression nearby = scope.compile(
                "t.n = 0; for_each(t.e, q.get_nearby_entities_except_self(5), { t.n = t.n + 1; }); return t.n;");
        MolangExpression day = scope.compile("query.time_of_day");
        MolangExpression height = scope.compile("q.heightmap(q.position(0), q.position(2))");
        World overworld = onGameThread(() -> service(Server.class).world(Dimension.OVERWORLD));
        long time = onGameThread(overworld::time);
        try {
            assertEquals(1, onGameThread(() -> nearby.evaluate(molang.context(zombie))));
            assertEquals(0.5, onGameThread(() -> {
                overworld.setTime(6000);
                return day.evaluate(molang.context(zombie));
            }));
            assertEquals(4, onGameThread(() -> height.evaluate(molang.context(zombie))));
        } finally {
            onGameThread(() -> {
                overworld.setTime(time);
                return null;
            });
        }
        assertThrows(WrongThreadException.class, () -> molang.context(zombie));
        MolangExpression scan = scope.compile("loop(1024, { t.h = q.heightmap(t.h, 0); });");
        var limit = assertThrows(MolangEvaluationException.class, () -> {
            try {
                onGameThread(() -> scan.evaluate(molang.context(zombie)));
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause();
            }
        });
        assertEquals(MolangErrorCode.ITERATION_LIMIT, limit.code(), "a column read costs as much as an iteration");
    }

    @Test
    void waterRainAndEffectsAreReadFromTheWorld() throws Exception {
        MolangWorld molang = service(MolangWorld.class);
        Entity cow = spawn("minecraft:cow", 200.5, 4, 200.5);
        MolangScope scope = molang.molang().scope("itest-water", molang.queries());
        cleanUp.add(scope);
        MolangExpression wet = scope.compile("q.is_in_water * 100 + q.is_in_lava * 10 + q.is_in_water_or_rain");
        World overworld = onGameThread(() -> service(Server.class).world(Dimension.OVERWORLD));
        BlockPos feet = new BlockPos(200, 4, 200);
        BlockPos roof = new BlockPos(200, 10, 200);
        try {
            assertEquals(0, onGameThread(() -> wet.evaluate(molang.context(cow))));
            assertEquals(1, onGameThread(() -> {
                overworld.setWeather(Weather.RAIN);
                return wet.evaluate(molang.context(cow));
            }), "rain falls on the cow");
            assertEquals(0, onGameThread(() -> {
                overworld.setBlock(roof, BlockState.of("minecraft:stone"));
                return wet.evaluate(molang.context(cow));
            }), "a roof keeps the rain off");
            assertEquals(101, onGameThread(() -> {
                overworld.setBlock(feet, BlockState.of("minecraft:water"));
                return wet.evaluate(molang.context(cow));
            }));
            assertEquals(10, onGameThread(() -> {
                overworld.setBlock(feet, BlockState.of("minecraft:lava"));
                return wet.evaluate(molang.context(cow));
            }));
        } finally {
            onGameThread(() -> {
                overworld.setWeather(Weather.CLEAR);
                overworld.setBlock(feet, BlockState.AIR);
                overworld.setBlock(roof, BlockState.AIR);
                return null;
            });
        }
        long id = join("molang_ghost");
        CommandSession shell = shell();
        assertEquals("0", shell.execute("molang:eval q.is_invisible entity " + id));
        onGameThread(() -> {
            service(Server.class).player("molang_ghost").orElseThrow()
                    .addEffect(new Effect("minecraft:invisibility", 200, 0));
            return null;
        });
        assertEquals("1", shell.execute("molang:eval q.is_invisible entity " + id));
        long before = onGameThread(() -> service(Server.class).tick());
        double stamp = Double.parseDouble(String.valueOf(shell.execute("molang:eval q.time_stamp")));
        assertTrue(stamp >= before, "time_stamp is the server's tick: " + stamp + " >= " + before);
    }

    @Test
    void queriesRegisteredAsServicesJoinTheWorldsQueries() throws Exception {
        long id = join("molang_variant");
        var registration = context.registerService(MolangQueries.class,
                MolangQueries.builder().withNumber("itest_answer", (c, a) -> 3).build(), new Hashtable<>());
        cleanUp.add(() -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the test
            }
        });
        CommandSession shell = shell();
        assertEquals("6", shell.execute("molang:eval \"q.itest_answer * 2\" entity " + id));
        assertEquals("20", shell.execute("molang:eval q.health entity " + id), "the world's queries stay");
        registration.unregister();
        assertEquals("0\nnote: 1:1: unknown query 'query.itest_answer' evaluates to 0",
                String.valueOf(shell.execute("molang:eval q.itest_answer entity " + id)).replace("\r", ""));
    }

    @Test
    void checkCompilesEveryLineOfAFileAndReportsTheFailures() throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "molang-check", ".txt");
        cleanUp.add(() -> Files.deleteIfExists(file));
        Files.writeString(file, String.join("\n", "math.sin(q.life_time * 360)", "", "q.health +",
                "v.x = 1;\\nreturn v.x + q.is_dancing;", "Sword Singer"), StandardCharsets.UTF_8);
        String report = String.valueOf(shell().execute("molang:check " + file.toAbsolutePath())).replace("\r", "");
        assertEquals(String.join("\n",
                "line 3: molang: 1:11: expected an expression in \"q.health +\"",
                "line 5: molang: 1:1: unknown name 'sword': names start with query., variable., temp., context., "
                        + "math., array., geometry., material. or texture. in \"Sword Singer\"",
                "unknown (they evaluate to 0): query.is_dancing",
                "2 compiled, 2 failed"), report);
        assertTrue(String.valueOf(shell().execute("molang:check")).startsWith("usage: molang:check FILE"));
    }

    @Test
    void aContextIsTheSameWhileTheEntityLives() throws Exception {
        MolangWorld molang = service(MolangWorld.class);
        Entity pig = spawn("minecraft:pig", 50.5, 4, 50.5);
        MolangContext first = onGameThread(() -> molang.context(pig));
        assertEquals(first, onGameThread(() -> molang.context(pig)));
        assertEquals(pig, first.target());
    }
}
