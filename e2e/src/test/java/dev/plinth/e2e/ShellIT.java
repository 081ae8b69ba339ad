package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell a newcomer meets: help for every command, the usage on missing arguments, the README's examples. */
class ShellIT {

    @TempDir
    Path home;

    @Test
    void helpDescribesEveryCommandWithNamedParametersAndMissingArgumentsPrintTheUsage() throws Exception {
        var run = PlinthInstance.at(home).script("help", "help sim:join", "help sim:break", "help resource:start",
                "sim:join", "resource:start", "sim:break alice one two three", "perm:grant alice");

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        for (String listed : new String[] {"sim:join", "sim:break", "resource:start", "event:post", "perm:grant",
                "server:mspt", "plinth:shutdown", "plinth:help"}) {
            assertTrue(run.lines().stream().anyMatch(l -> l.startsWith(listed + " ") && l.strip().length()
                    > listed.length() + 5), listed + " is listed with what it does:\n" + out);
        }
        List<String> undescribed = run.lines().stream().map(String::strip)
                .filter(l -> l.matches("(event|js|log|molang|pack|perm|plinth|resource|server|sim|wasm):[\\w-]+"))
                .toList();
        assertEquals(List.of(), undescribed, "every Plinth command is listed with what it does:\n" + out);
        assertTrue(out.contains("usage: sim:join NAME\n  a simulated player joins"), out);
        assertTrue(out.contains("usage: sim:break NAME X Y Z\n  the player breaks a block"), out);
        assertFalse(out.contains("_break"), out);
        assertTrue(out.contains("usage: resource:start NAME\n  start a resource, its dependencies first"), out);
        assertTrue(out.contains("ERROR: missing or wrong arguments; usage: sim:join NAME"), out);
        assertTrue(out.contains("ERROR: missing or wrong arguments; usage: resource:start NAME"), out);
        assertTrue(out.contains("ERROR: missing or wrong arguments; usage: sim:break NAME X Y Z"), out);
        assertTrue(out.contains("ERROR: missing or wrong arguments; usage: perm:grant NAME NODE"), out);
        assertFalse(out.contains("Cannot coerce"), out);
    }

    @Test
    void theReadmesFormExampleWorksAsWrittenAndQuoted() throws Exception {
        LuaFolders.write(home, "survey", "", """
                mc.on('player_join', function(event)
                  mc.form.custom('Survey'):input('Name', ''):toggle('Likes it', false):slider('Stars', 0, 10)
                    :send(event.player, function(response)
                      print('survey: ' .. tostring(response.values[1]) .. ' ' .. tostring(response.values[2])
                        .. ' ' .. tostring(response.values[3]))
                    end)
                end)
                """);
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), "{\"StartupResources\": [\"survey\"]}");

        var run = PlinthInstance.at(home).script("sim:join alice", "sim:inbox alice",
                "sim:form alice 1 [\"Steve\", true, 5]", "sim:quit alice", "sim:join alice",
                "sim:form alice 2 '[\"Ann\", false, 2]'");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("[survey] survey: Steve true 5"), run.output());
        assertTrue(run.output().contains("[survey] survey: Ann false 2"), run.output());
    }
}
