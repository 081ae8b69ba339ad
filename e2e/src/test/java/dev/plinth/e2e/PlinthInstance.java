package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real distribution ({@code distribution/target/plinth}, built by the reactor before this module) started with
 * a given instance home. End-to-end tests pipe shell commands into it, as a server owner's script would, and read
 * what it printed.
 *
 * @param installDir the built distribution
 * @param home the instance home
 * @param httpPort the port its HTTP server listens on, 0 to leave {@code conf/server.json} alone, {@link #NO_HTTP}
 *     to turn its HTTP server off
 */
record PlinthInstance(Path installDir, Path home, int httpPort) {

    static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** The {@code httpPort} of an instance whose HTTP server is off ({@code http.port} 0 in its settings). */
    static final int NO_HTTP = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run printed (standard output and error, interleaved) and its exit code. */
    record Run(int exitCode, String output) {

        /** The lines of the output. */
        List<String> lines() {
            return output.lines().toList();
        }
    }

    /**
     * The distribution under test ({@code plinth.distribution}, set by the build) for a home whose HTTP server
     * listens on a free loopback port, never the default one (other instances may run on this machine): the home's
     * {@code conf/server.json}, the installation's default when the test wrote none, gets {@code http.port} set
     * when the instance starts.
     */
    static PlinthInstance at(Path home) {
        return new PlinthInstance(distribution(), home, freePort());
    }

    /**
     * The distribution under test for a home whose HTTP server is off: for the tests that assert on everything an
     * instance prints, which a free port taken by another process between choosing it and binding it would spoil.
     */
    static PlinthInstance withoutHttp(Path home) {
        return new PlinthInstance(distribution(), home, NO_HTTP);
    }

    /** A home left exactly as the test made it, for the tests of what a new home gets by itself. */
    static PlinthInstance fresh(Path home) {
        return new PlinthInstance(distribution(), home, 0);
    }

    private static Path distribution() {
        Path dist = Path.of(System.getProperty("plinth.distribution", "../distribution/target/plinth"));
        assertTrue(Files.isExecutable(dist.resolve("bin/plinth")),
                "the distribution is built at " + dist.toAbsolutePath() + " (run ./plinthw verify from the root)");
        return dist;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the base URL of the instance's HTTP server} */
    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Sets {@code http.port} in the home's {@code conf/server.json} (the installation's default when missing): the
     * instance's port, or 0 (off) for {@link #NO_HTTP}.
     */
    private void bindHttp() throws IOException {
        if (httpPort == 0) {
            return;
        }
        Path file = home.resolve("conf/server.json");
        Files.createDirectories(file.getParent());
        Path source = Files.exists(file) ? file : installDir.resolve("conf/server.json");
        ObjectNode settings = (ObjectNode) JSON.readTree(source.toFile());
        settings.putObject("http").put("port", httpPort == NO_HTTP ? 0 : httpPort).put("host", "127.0.0.1");
        JSON.writeValue(file.toFile(), settings);
    }

    /** Starts the instance, writes the commands to its standard input, closes it and waits for the exit. */
    Run script(String... commands) throws IOException, InterruptedException {
        return run(List.of(), String.join("\n", commands) + "\n");
    }

    /** As {@link #script}, with extra environment variables for {@code bin/plinth}. */
    Run scriptWithEnv(java.util.Map<String, String> env, String... commands) throws IOException, InterruptedException {
        return run(List.of(), String.join("\n", commands) + "\n", env);
    }

    /** Runs {@code bin/plinth --home HOME ARGS...} with empty standard input. */
    Run withArgs(String... args) throws IOException, InterruptedException {
        return run(List.of(args), "");
    }

    /**
     * Starts the instance with its standard input left open; the caller ends it. What it prints goes to
     * {@code console.log} in the home, readable after the process has ended.
     */
    Process start() throws IOException {
        Files.createDirectories(home);
        bindHttp();
        return builder(List.of()).redirectOutput(consoleLog().toFile()).start();
    }

    /**
     * Starts the instance on a terminal of its own, as an operator runs it: a pseudo-terminal from util-linux's
     * {@code script}, 160 columns wide, so the Gogo shell
     * reads what is written to the process as typed keys. What it prints, terminal escapes included, goes to
     * {@code console.log} in the home, readable while it runs.
     */
    Process startOnTerminal() throws IOException {
        return startOnTerminal("stty cols 160 rows 50; ");
    }

    /**
     * Starts the instance as {@link #startOnTerminal()} does, on a pseudo-terminal nobody sized: it reports 0 columns
     * and 0 rows, as {@code docker exec -t} and {@code script} without a terminal around it give.
     */
    Process startOnUnsizedTerminal() throws IOException {
        return startOnTerminal("stty cols 0 rows 0; ");
    }

    private Process startOnTerminal(String sizing) throws IOException {
        Path script = Path.of("/usr/bin/script");
        assertTrue(Files.isExecutable(script), "util-linux's script is installed (Debian: bsdutils) at " + script);
        Files.createDirectories(home);
        bindHttp();
        String command = sizing + "exec " + java.util.stream.Stream.of(
                installDir.resolve("bin/plinth").toString(), "--home", home.toString())
                .map(word -> "'" + word.replace("'", "'\\''") + "'").collect(java.util.stream.Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qfec", command, "/dev/null")
                .redirectErrorStream(true).redirectOutput(consoleLog().toFile());
        builder.environment().put("TERM", "xterm");
        return builder.start();
    }

    /** Writes lines to a started instance's standard input, as a server owner types them. */
    static void send(Process process, String... lines) throws IOException {
        OutputStream stdin = process.getOutputStream();
        stdin.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits until a started instance has printed the text, at most {@link #TIMEOUT}. */
    void awaitOutput(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(consoleLog()) && Files.readString(consoleLog()).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the instance did not print '" + text + "':\n" + Files.readString(consoleLog()));
    }

    /** Where {@link #start()} writes the output. */
    Path consoleLog() {
        return home.resolve("console.log");
    }

    private Run run(List<String> args, String stdin) throws IOException, InterruptedException {
        return run(args, stdin, java.util.Map.of());
    }

    private Run run(List<String> args, String stdin, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        bindHttp();
        ProcessBuilder builder = builder(args);
        builder.environment().putAll(env);
        Process process = builder.start();
        // Read on a thread of its own: a hung instance never closes its output, and the wait below must stay bounded.
        var output = new ByteArrayOutputStream();
        Thread reader = Thread.ofPlatform().name("plinth-e2e-output").daemon().start(() -> {
            try (InputStream out = process.getInputStream()) {
                out.transferTo(output);
            } catch (IOException e) {
                // the process was killed: what it printed so far is kept
            }
        });
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // it exited before reading its input: its exit code and output say why
        }
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(Duration.ofSeconds(10));
            throw new AssertionError("plinth did not exit within " + TIMEOUT + " and was killed; it printed:\n"
                    + output.toString(StandardCharsets.UTF_8));
        }
        if (!reader.join(TIMEOUT)) {
            throw new AssertionError("plinth exited (code " + process.exitValue() + ") but its output stayed open for "
                    + TIMEOUT + " (a process it started still holds it); it printed:\n"
                    + output.toString(StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    private ProcessBuilder builder(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(installDir.resolve("bin/plinth").toString());
        command.add("--home");
        command.add(home.toString());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
