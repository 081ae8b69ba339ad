package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated server of the distribution, driven from its shell: players join and chat, type commands, break
 * blocks and answer forms; the example Java plugin {@code hello} cancels what it forbids; permissions change live
 * and persist. The clock is paused first, so every run is the same.
 */
class SimulatedServerIT {

    @TempDir
    Path home;

    /** What the shell printed for the first run of a command: the lines after its echo, without log lines. */
    private static List<String> outputOf(PlinthInstance.Run run, String command) {
        return outputOf(run, command, run.lines().indexOf("plinth> " + command));
    }

    /** What the shell printed for the last run of a command. */
    private static List<String> outputOfLast(PlinthInstance.Run run, String command) {
        return outputOf(run, command, run.lines().lastIndexOf("plinth> " + command));
    }

    private static List<String> outputOf(PlinthInstance.Run run, String command, int start) {
        List<String> lines = run.lines();
        assertTrue(start >= 0, "'" + command + "' ran:\n" + run.output());
        var out = new ArrayList<String>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("plinth> ")) {
                break;
            }
            if (!line.matches("\\d\\d:\\d\\d:\\d\\d (TRACE|DEBUG|INFO |WARN |ERROR|AUDIT) .*")) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void twoPlayersChatRunCommandsAndTheExamplePluginCancelsWhatItForbids() throws Exception {
        var run = PlinthInstance.at(home).script(
                "sim:pause",
                "sim:join alice",
                "sim:join bob",
                "sim:players",
                "sim:chat alice hello bob",
                "sim:chat bob the spoiler is out",
                "sim:command alice hello",
                "sim:command alice announce party time",
                "perm:grant alice hello.command.announce",
                "sim:command alice announce party time",
                "sim:break alice 0 0 0",
                "sim:block 0 0 0",
                "sim:break alice 2 3 2",
                "sim:inventory alice",
                "sim:command bob menu",
                "sim:form bob 1 0",
                "sim:move bob 8 4 8",
                "sim:tick 20",
                "sim:inbox alice",
                "sim:inbox bob",
                "sim:quit nobody");

        assertEquals(0, run.exitCode(), run.output());
        assertEquals(List.of("alice joined at (0.5, 4, 0.5) in overworld"), outputOf(run, "sim:join alice"));
        assertEquals(2, outputOf(run, "sim:players").size(), run.output());
        assertEquals(List.of("'alice: hello bob' sent to 2 player(s)"), outputOf(run, "sim:chat alice hello bob"));
        assertEquals(List.of("bob's message was cancelled"), outputOf(run, "sim:chat bob the spoiler is out"));
        assertEquals(List.of("/hello: executed"), outputOf(run, "sim:command alice hello"));
        assertEquals(List.of("/announce: denied"), outputOf(run, "sim:command alice announce party time"));
        assertEquals(List.of("granted hello.command.announce to alice"),
                outputOf(run, "perm:grant alice hello.command.announce"));
        assertEquals(List.of("/announce: executed"), outputOfLast(run, "sim:command alice announce party time"));
        assertEquals(List.of("alice could not break minecraft:bedrock at (0, 0, 0): cancelled, the block stays"),
                outputOf(run, "sim:break alice 0 0 0"));
        assertEquals(List.of("minecraft:bedrock"), outputOf(run, "sim:block 0 0 0"));
        assertTrue(outputOf(run, "sim:inventory alice").stream().anyMatch(l -> l.endsWith(": minecraft:dirt x1")),
                run.output());
        assertEquals(List.of("bob is at (8, 4, 8)"), outputOf(run, "sim:move bob 8 4 8"));
        assertEquals(List.of("tick " + tickAfterPause(run, 20)), outputOf(run, "sim:tick 20"));

        // Other resources of the distribution greet players too: what matters is this plugin's part, in order.
        assertInOrder(List.of(
                "toast: Welcome | This server runs the hello plugin",
                "message: alice joined the game",
                "message: bob joined the game",
                "message: alice: hello bob",
                "message: Hello, alice!",
                "message: You do not have permission to use /announce (hello.command.announce).",
                "title: party time | from alice (fade in 10, stay 70, fade out 20)",
                "action bar: Bedrock cannot be broken here."), outputOf(run, "sim:inbox alice"));
        assertInOrder(List.of(
                "message: alice: hello bob",
                "message: Your message was blocked: 'spoiler' is not allowed here.",
                "title: party time | from alice (fade in 10, stay 70, fade out 20)",
                "form 1 simple 'Hello menu': What do you want? [0] A greeting [1] The time "
                        + "[ButtonPressed[index=0, text=A greeting]]",
                "message: Hello, bob!"), outputOf(run, "sim:inbox bob"));
        assertEquals(List.of("ERROR: ERR_NOT_FOUND: no player 'nobody' is online"), outputOf(run, "sim:quit nobody"));
    }

    /** Asserts that the inbox lines (numbered from 1, in order) hold these entries in this order. */
    private static void assertInOrder(List<String> expected, List<String> inbox) {
        for (int i = 0; i < inbox.size(); i++) {
            assertTrue(inbox.get(i).startsWith((i + 1) + " "), "numbered in order: " + inbox);
        }
        List<String> entries = inbox.stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        int next = 0;
        for (String entry : entries) {
            if (next < expected.size() && entry.equals(expected.get(next))) {
                next++;
            }
        }
        assertEquals(expected.size(), next, "missing or out of order: " + expected.get(Math.min(next, expected.size() - 1))
                + "\nin " + inbox);
    }

    /** The tick {@code sim:tick} reached: the tick of the pause plus the ticks asked for. */
    private static long tickAfterPause(PlinthInstance.Run run, int ticks) {
        String paused = outputOf(run, "sim:pause").getFirst();
        return Long.parseLong(paused.replaceAll("paused at tick (\\d+):.*", "$1")) + ticks;
    }

    @Test
    void permissionsPersistAcrossRestartsAndTheClockReportsItsTicks() throws Exception {
        var first = PlinthInstance.at(home).script("perm:op alice", "perm:grant bob hello.command.announce",
                "perm:grant bob 'Not A Node'", "sim:tick 1");
        assertEquals(0, first.exitCode(), first.output());
        assertEquals(List.of("alice is now an operator"), outputOf(first, "perm:op alice"));
        assertTrue(outputOf(first, "perm:grant bob 'Not A Node'").getFirst()
                .startsWith("ERROR: ERR_INVALID_NAME: 'Not A Node' is not a permission node"), first.output());
        assertEquals(List.of("ERROR: ERR_INVALID_STATE: the clock is running: sim:pause first"),
                outputOf(first, "sim:tick 1"));
        assertTrue(Files.readString(home.resolve("data/server/permissions.json")).contains("hello.command.announce"));

        var second = PlinthInstance.at(home).script("perm:list alice", "perm:list bob", "sim:pause", "sim:join bob",
                "sim:command bob announce again", "sim:tick 3", "server:mspt", "server:tps", "perm:deop alice",
                "perm:revoke bob hello.command.announce", "sim:command bob announce again");
        assertEquals(0, second.exitCode(), second.output());
        assertEquals("alice: operator (every node)", outputOf(second, "perm:list alice").getFirst());
        assertEquals("grants: [hello.command.announce]", outputOf(second, "perm:list bob").get(1));
        assertEquals(List.of("/announce: executed"), outputOf(second, "sim:command bob announce again"));
        List<String> mspt = outputOf(second, "server:mspt");
        assertTrue(mspt.getFirst().matches("tick \\d+ \\(paused: ticks run with sim:tick\\)"), mspt.toString());
        assertTrue(mspt.get(2).matches("5s\\s+\\d+\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}"), mspt.toString());
        assertTrue(outputOf(second, "server:tps").get(1).startsWith("TPS 5s "), second.output());
        assertEquals(List.of("alice is no longer an operator"), outputOf(second, "perm:deop alice"));
        assertEquals(List.of("/announce: denied"), outputOfLast(second, "sim:command bob announce again"),
                "the revoke took effect at once");
    }
}
