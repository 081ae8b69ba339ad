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
        var instance = PlinthInstance.withoutHttp(home);
        Process process = instance.start();
        try {
            // Standard input stays open: the instance runs until it is told to stop, once it has started.
            instance.awaitOutput("startup resources:");
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

    @Test
    void sigtermWhileTheStartupResourcesStartStopsQuietly() throws Exception {
        var instance = PlinthInstance.withoutHttp(home);
        Process process = instance.start();
        try {
            // The shutdown cuts the start of the installation's startup resources short.
            instance.awaitOutput("deployed ");
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the instance exits after SIGTERM");
            String output = Files.readString(instance.consoleLog());
            assertFalse(output.contains("Exception"), "a stop during startup prints no exception:\n" + output);
            assertFalse(output.contains("did not start"), "a start the shutdown cut short is no failure:\n" + output);
            assertTrue(output.contains("plinth: stopped"), "the framework stopped before the JVM exited:\n" + output);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aSecondInstanceOnTheSameHomeFailsAtOnceNamingTheHomeAndTheRunningProcess() throws Exception {
        var instance = PlinthInstance.at(home);
        try (var first = PlinthSession.open(instance)) {
            var second = instance.withArgs("--exec", "echo second");

            assertEquals(75, second.exitCode(), second.output());
            assertTrue(second.output().contains("plinth: the home " + home.toRealPath() + " is in use by another "
                    + "Plinth process (pid " + first.pid() + ", started "), second.output());
            assertFalse(second.lines().contains("second"), second.output());
            first.send("echo first-still-runs");
            first.await(out -> out.contains("first-still-runs\n"), "the first instance runs on");
            assertEquals(0, first.finish());
        }
        var after = instance.withArgs("--exec", "echo after");
        assertEquals(0, after.exitCode(), "the home is free once the first instance is gone:\n" + after.output());
    }

    @Test
    void execExitsNonZeroWhenItsCommandFailed() throws Exception {
        var missing = PlinthInstance.at(home).withArgs("--exec", "resource:start no-such-resource");
        assertEquals(1, missing.exitCode(), missing.output());
        assertTrue(missing.output().contains("ERROR: ERR_NOT_FOUND: no resource named no-such-resource"), missing.output());

        var unknown = PlinthInstance.at(home).withArgs("--exec", "nosuchcommand");
        assertEquals(1, unknown.exitCode(), unknown.output());

        var fine = PlinthInstance.at(home).withArgs("--exec", "resource:list");
        assertEquals(0, fine.exitCode(), fine.output());
    }

    @Test
    void theLogLinesOfACommandComeBeforeTheNextPrompt() throws Exception {
        var run = PlinthInstance.at(home).script("resource:stop welcome", "resource:start welcome", "echo end");

        assertEquals(0, run.exitCode(), run.output());
        List<String> lines = run.lines();
        int stop = lines.indexOf("plinth> resource:stop welcome");
        int start = lines.indexOf("plinth> resource:start welcome");
        int end = lines.indexOf("plinth> echo end");
        assertTrue(stop >= 0 && start > stop && end > start, run.output());
        assertTrue(lines.subList(stop, start).stream().anyMatch(l -> l.contains("[admin-tools] [admin] Stopped: welcome")),
                "what admin-tools logged of the stop comes before the next prompt:\n" + run.output());
        assertTrue(lines.subList(start, end).stream().anyMatch(l -> l.contains("[admin-tools] [admin] Started: welcome")),
                "what admin-tools logged of the start comes before the next prompt:\n" + run.output());
    }
}
