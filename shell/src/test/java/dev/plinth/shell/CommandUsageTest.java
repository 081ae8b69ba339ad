package dev.plinth.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands run through a real Gogo runtime: the right form runs, and missing or wrong arguments print the usage. */
class CommandUsageTest {

    /** A command scope written as the README says. */
    public static final class Commands {

        @Descriptor("a simulated player joins")
        public String join(@Descriptor("the player's name") String name) {
            return "joined " + name;
        }

        @Descriptor("the player breaks a block")
        public String _break(@Descriptor("the player's name") String name, @Descriptor("x") int x,
                @Descriptor("y") int y, @Descriptor("z") int z) {
            return name + " broke " + x + " " + y + " " + z;
        }

        @Descriptor("the player chats")
        public String chat(@Descriptor("the player's name") String name, @Descriptor("the message") String... words) {
            return name + ": " + String.join(" ", words);
        }

        @Descriptor("what each resource costs")
        public String top(@Descriptor("refresh every second") @org.apache.felix.service.command.Parameter(
                names = {"-w", "--watch"}, presentValue = "true", absentValue = "false") boolean watch,
                @Descriptor("refresh for this many seconds") @org.apache.felix.service.command.Parameter(
                        names = {"-n"}, absentValue = "0") int seconds) {
            return "top";
        }

        public Object join(Object... wrong) {
            return CommandUsage.fail("sim", this, "join");
        }

        public Object _break(Object... wrong) {
            return CommandUsage.fail("sim", this, "break");
        }

        public Object chat(Object... wrong) {
            return CommandUsage.fail("sim", this, "chat");
        }
    }

    private final ThreadIOImpl threads = new ThreadIOImpl();
    private CommandSession session;

    @BeforeEach
    void shell() {
        threads.start();
        var processor = new CommandProcessorImpl(threads);
        var commands = new Commands();
        for (String function : new String[] {"join", "break", "chat"}) {
            processor.addCommand("sim", commands, function);
        }
        session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
    }

    @AfterEach
    void stop() {
        session.close();
        threads.stop();
    }

    @Test
    void theFormThatFitsTheArgumentsRuns() throws Exception {
        assertEquals("joined alice", session.execute("sim:join alice"));
        assertEquals("alice broke 1 2 3", session.execute("sim:break alice 1 2 3"));
        assertEquals("alice: hello there", session.execute("sim:chat alice hello there"));
    }

    @Test
    void missingArgumentsPrintTheUsageWithNamedParameters() {
        var e = assertThrows(UsageException.class, () -> session.execute("sim:join"));

        assertEquals("""
                missing or wrong arguments; usage: sim:join NAME
                  a simulated player joins
                  NAME       the player's name""", e.getMessage());
        assertEquals(e.getMessage(), e.toString(), "the shells print it as it is");
    }

    @Test
    void wrongArgumentsPrintTheUsageOfAKeywordCommandUnderItsName() {
        var e = assertThrows(UsageException.class, () -> session.execute("sim:break alice one two three"));

        assertEquals("""
                missing or wrong arguments; usage: sim:break NAME X Y Z
                  the player breaks a block
                  NAME       the player's name
                  X          x
                  Y          y
                  Z          z""", e.getMessage());
    }

    @Test
    void aRepeatedParameterIsShownAsSuch() {
        assertEquals("""
                usage: sim:chat NAME WORDS...
                  the player chats
                  NAME       the player's name
                  WORDS...   the message""", CommandUsage.describe("sim", Commands.class, "chat"));
    }

    @Test
    void optionsAreShownAsOptions() {
        assertEquals("""
                usage: sim:top [-w] [-n SECONDS]
                  what each resource costs
                  [-w]       refresh every second
                  [-n SECONDS] refresh for this many seconds""", CommandUsage.describe("sim", Commands.class, "top"));
    }
}
