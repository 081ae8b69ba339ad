package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At a terminal, the shell is ready before the startup work that can wait has finished: a startup resource whose
 * WebAssembly module takes seconds to assemble and compile starts on a thread of its own, with its progress shown,
 * while the shell already answers. (Piped input, by contrast, runs once the startup resources have started: scripts
 * see them started.) And on a terminal that reports no size the shell answers and idles. The terminal is a
 * pseudo-terminal from util-linux's {@code script}.
 */
class InteractiveStartupIT {

    /** Functions of the big module: compiling them takes seconds, with progress lines once a second. */
    private static final int FUNCTIONS = 20_000;

    @TempDir
    Path home;

    @Test
    void theShellAnswersWhileAStartupResourceStillCompilesWithItsProgressShown() throws Exception {
        Path big = Files.createDirectories(home.resolve("resources/big"));
        Files.writeString(big.resolve("plugin.toml"), """
                [plugin]
                name = "big"
                version = "1.0.0"
                main = "big.wat"
                """);
        var wat = new StringBuilder("(module (memory (export \"memory\") 1)\n  (func (export \"on_enable\"))\n");
        for (int i = 0; i < FUNCTIONS; i++) {
            wat.append("  (func (result i32) (i32.const ").append(i).append("))\n");
        }
        Files.writeString(big.resolve("big.wat"), wat.append(")\n"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/server.json"), "{\"StartupResources\": [\"big\"]}");
        PlinthInstance instance = PlinthInstance.at(home);

        Process process = instance.startOnTerminal();
        try (OutputStream keys = process.getOutputStream()) {
            // typed at once: the shell reads it as soon as it runs
            keys.write("echo shell-answers\n".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            instance.awaitOutput("startup resources: big started");
            keys.write("shutdown\n".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertTrue(process.waitFor(PlinthInstance.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "plinth stopped");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        // The terminal's escapes (colours, modes) and carriage returns out: the lines as an operator reads them.
        String out = Files.readString(instance.consoleLog()).replaceAll("\u001B\\[[0-9;?]*[A-Za-z]|\u001B[=>]|\r", "");
        int answered = find(out, "(?m)^shell-answers$");
        int compiled = find(out, "big: big\\.wat: compiling " + (FUNCTIONS + 1)
                + " functions to JVM bytecode: done in");
        int started = find(out, "startup resources: big started");
        assertTrue(answered >= 0 && compiled >= 0 && started >= 0, out);
        assertTrue(answered < compiled && compiled < started,
                "the shell answered before the module was compiled, and the resource started after:\n" + out);
        assertEquals(0, process.exitValue(), out);
    }

    @Test
    void onATerminalThatReportsNoSizeTheShellAnswersAndIdles() throws Exception {
        PlinthInstance instance = PlinthInstance.at(home);
        Process process = instance.startOnUnsizedTerminal();
        try {
            PlinthInstance.send(process, "echo shell\"-\"answers"); // quoted: the typed line's echo is no answer
            instance.awaitOutput("shell-answers");
            ProcessHandle java = process.descendants()
                    .filter(child -> child.info().command().orElse("").endsWith("/java")).findFirst().orElseThrow();
            // Startup keeps the processor busy for seconds (the JIT, the HTTP server); then it idles. A spinning
            // line editor takes a whole core for good: no window of 3 s ever falls under half a core.
            long deadline = System.nanoTime() + PlinthInstance.TIMEOUT.toNanos();
            long busy;
            do {
                long before = java.info().totalCpuDuration().orElseThrow().toMillis();
                Thread.sleep(3_000);
                busy = java.info().totalCpuDuration().orElseThrow().toMillis() - before;
            } while (busy >= 1_500 && System.nanoTime() < deadline);
            assertTrue(busy < 1_500, "an idle shell does not spin: " + busy + " ms of processor time in 3 s");
            PlinthInstance.send(process, "shutdown");
            assertTrue(process.waitFor(PlinthInstance.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "plinth stopped");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), Files.readString(instance.consoleLog()));
    }

    private static int find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }
}
