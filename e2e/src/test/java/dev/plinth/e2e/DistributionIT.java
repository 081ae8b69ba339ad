package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution as a server owner scripts it: piped commands, {@code --exec}, a fresh home, shutdown. */
class DistributionIT {

    @TempDir
    Path home;

    @Test
    void pipedCommandsRunAndEveryBundleIsActive() throws Exception {
        var run = PlinthInstance.at(home).script("lb");

        assertEquals(0, run.exitCode(), run.output());
        List<String> bundles = run.lines().stream().filter(l -> l.matches("\\s*\\d+\\|.*")).toList();
        assertTrue(bundles.size() >= 20, "lb lists the framework and every bundle:\n" + run.output());
        for (String line : bundles) {
            // A fragment is never Active: the SLF4J provider is resolved, attached to slf4j.api.
            boolean fragment = line.contains("Plinth SLF4J to OSGi log");
            assertTrue(line.contains(fragment ? "|Resolved" : "|Active"), "bundle not active: " + line + "\n"
                    + run.output());
        }
        for (String name : List.of("Plinth core.events", "Plinth core.runtime", "Plinth core.resource",
                "Plinth lang.lua", "Plinth lang.js", "Plinth lang.wasm", "Plinth bedrock.packs", "Plinth console",
                "Apache Felix Gogo Runtime", "Apache Felix Declarative Services", "Apache Felix File Install",
                "Plinth core.http", "Plinth ops", "Apache Felix Http Jetty 12.x")) {
            assertTrue(bundles.stream().anyMatch(l -> l.contains(name)), name + " is listed:\n" + run.output());
        }
    }

    @Test
    void aFreshHomeGetsItsFoldersAndDefaultConfig() throws Exception {
        Path fresh = home.resolve("new-instance");
        var run = PlinthInstance.fresh(fresh).script("lb");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(Files.isDirectory(fresh.resolve("resources")));
        assertTrue(Files.isDirectory(fresh.resolve("data")));
        assertTrue(Files.readString(fresh.resolve("conf/server.json")).contains("StartupResources"));
    }

    @Test
    void anUnknownCommandGivesAClearErrorAndTheRestStillRuns() throws Exception {
        var run = PlinthInstance.at(home).script("nosuchcommand", "echo still-here");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("ERROR: unknown command 'nosuchcommand'. Type 'help' to list the commands."),
                run.output());
        assertTrue(run.lines().contains("still-here"), run.output());
    }

    @Test
    void scrListShowsThePlinthComponents() throws Exception {
        var run = PlinthInstance.at(home).script("scr:list");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("dev.plinth.console.internal.ShutdownCommand"), run.output());
    }

    @Test
    void execRunsOneCommandAndExits() throws Exception {
        var run = PlinthInstance.at(home).withArgs("--exec", "echo hello from exec");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.lines().contains("hello from exec"), run.output());
    }

    @Test
    void shutdownStopsTheInstanceAndSkipsTheRestOfTheInput() throws Exception {
        var run = PlinthInstance.at(home).script("shutdown", "echo after-shutdown");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Shutting down"), run.output());
        assertFalse(run.lines().contains("after-shutdown"), run.output());
        assertFalse(run.output().contains("Exception"), "a clean shutdown prints no exception:\n" + run.output());
    }

    @Test
    void sigtermStopsTheFrameworkGracefully() throws Exception {
        var instance = PlinthInstance.at(home);
        Process process = instance.start();
        try {
            // Standard input stays open: the instance runs until it is told to stop.
            Path lock = home.resolve("data/felix-cache");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.isDirectory(lock) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the instance exits after SIGTERM");
            String output = Files.readString(instance.consoleLog());
            assertFalse(output.contains("Exception"), "a graceful stop prints no exception:\n" + output);
            assertTrue(output.contains("plinth: stopped"), "the framework stopped before the JVM exited:\n" + output);
            assertEquals(143, process.exitValue(), "exit status of a SIGTERM'd JVM after its shutdown hooks");
        } finally {
            process.destroyForcibly();
        }
    }
}
