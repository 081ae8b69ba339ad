package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.testsupport.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Java plugin that cannot start shows it, as a script resource does: in error, with the cause, without commands. */
class PluginFailureIT {

    @TempDir
    Path home;

    @Test
    void aPluginWhoseConfigurationIsMalformedIsInErrorWithTheFileAndLine() throws Exception {
        var instance = PlinthInstance.at(home);
        Folders.copy(instance.installDir().resolve("resources"), home.resolve("resources"));
        Path config = home.resolve("data/hello/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "greeting = \"Hello, {player}!\"\ntip_period_ticks = [1200\n");

        var run = instance.script("resource:list", "resource:info hello", "server:commands", "resource:start hello");

        assertEquals(0, run.exitCode(), run.output());
        String cause = "hello: its component dev.plinth.examples.hello.HelloPlugin could not be created: "
                + "ConfigParseException: " + config + ":";
        assertTrue(run.lines().stream().anyMatch(l -> l.matches("hello\\s+plugin\\s+java\\s+1\\.0\\.0\\s+error")),
                run.output());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("last error") && l.contains("ERR_SCRIPT_EXECUTION: "
                + cause)), run.output());
        assertFalse(run.output().contains("/hello "), "its commands are not registered:\n" + run.output());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("ERROR: ERR_SCRIPT_EXECUTION: " + cause)),
                "a second start fails the same way, with the file:\n" + run.output());
    }
}
