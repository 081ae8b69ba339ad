package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.testsupport.Corpus;
import dev.plinth.testsupport.RequiresCorpus;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Molang from the server owner's shell: {@code molang:eval} against a simulated player, {@code molang:check}. */
class MolangShellIT {

    @TempDir
    Path home;

    /** The lines the shell printed after the last echo of a command, without log lines. */
    private static String after(String output, String command) {
        int start = output.lastIndexOf("plinth> " + command + "\n");
        assertTrue(start >= 0, "'" + command + "' ran:\n" + output);
        return output.substring(start + command.length() + 9).lines()
                .filter(line -> !line.matches("\\d\\d:\\d\\d:\\d\\d (TRACE|DEBUG|INFO |WARN |ERROR|AUDIT) .*"))
                .reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    private int commands;

    /** Runs a command and returns what it printed (an {@code echo} after it marks its end). */
    private String run(PlinthSession session, String command) throws Exception {
        String done = "done-" + ++commands;
        session.send(command);
        session.send("echo " + done);
        String out = session.await(o -> o.contains("\n" + done + "\n"), command + " answered");
        out = out.substring(0, out.indexOf("plinth> echo " + done + "\n"));
        return after(out, command);
    }

    @Test
    void evalComputesAnExpressionAgainstAPlayerAndShowsErrorsWithTheirPosition() throws Exception {
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            run(session, "sim:pause");
            run(session, "sim:join alice");
            Matcher id = Pattern.compile("alice #(\\d+) ").matcher(run(session, "sim:players"));
            assertTrue(id.find());
            String alice = id.group(1);

            assertEquals("0.5", run(session, "molang:eval \"math.sin(q.life_time * 360) * 0.5 + 0.5\" entity " + alice));
            run(session, "sim:tick 5");
            assertEquals("1", run(session, "molang:eval \"math.sin(q.life_time * 360) * 0.5 + 0.5\" entity " + alice));
            assertEquals("1", run(session, "molang:eval \"q.health / q.max_health\" entity " + alice));
            assertEquals("0\nnote: 1:17: unknown query 'query.is_angry' evaluates to 0",
                    run(session, "molang:eval \"v.attack_time = q.is_angry ? 1.0 : 0.0\" entity " + alice));
            assertEquals("'alice'", run(session, "molang:eval \"q.get_name == 'alice' ? q.get_name : 'nobody'\" entity "
                    + alice));
            assertEquals("ERROR: molang: 1:27: expected ')' in \"math.sin(q.life_time * 360\"",
                    run(session, "molang:eval \"math.sin(q.life_time * 360\""));
            assertEquals("3", run(session, "molang:eval 1 + 2"));
            assertTrue(run(session, "molang:eval").startsWith("usage: molang:eval EXPRESSION [entity ID]"));
            assertTrue(run(session, "help molang:eval").contains("evaluate a Molang expression"));
            exit = session.finish();
        }
        assertEquals(0, exit);
    }

    @Test
    @RequiresCorpus({"molang-expressions.txt", "molang-programs.txt"})
    void checkRunsTheWholeCorpusThroughTheCompiler() throws Exception {
        Path expressions = Corpus.path("molang-expressions.txt");
        Path programs = Corpus.path("molang-programs.txt");
        int exit;
        try (var session = PlinthSession.open(PlinthInstance.at(home))) {
            String report = run(session, "molang:check " + expressions);
            assertTrue(report.endsWith("\n414 compiled, 1 failed"), report);
            assertTrue(report.startsWith("line 22: molang: 1:1: unknown name 'sword'"), report);
            assertTrue(report.contains("\nunknown (they evaluate to 0): ") && report.contains(" query.anim_time,"), report);
            assertTrue(run(session, "molang:check " + programs).endsWith("11 compiled, 0 failed"));
            assertEquals("ERROR: " + home.resolve("none.txt") + ": no such file",
                    run(session, "molang:check " + home.resolve("none.txt")));
            exit = session.finish();
        }
        assertEquals(0, exit);
    }
}
