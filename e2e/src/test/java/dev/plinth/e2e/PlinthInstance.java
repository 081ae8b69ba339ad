package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
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
 */
record PlinthInstance(Path installDir, Path home) {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** What one run printed (standard output and error, interleaved) and its exit code. */
    record Run(int exitCode, String output) {

        /** The lines of the output. */
        List<String> lines() {
            return output.lines().toList();
        }
    }

    /** The distribution under test, from the {@code plinth.distribution} system property set by the build. */
    static PlinthInstance at(Path home) {
        Path dist = Path.of(System.getProperty("plinth.distribution", "../distribution/target/plinth"));
        assertTrue(Files.isExecutable(dist.resolve("bin/plinth")),
                "the distribution is built at " + dist.toAbsolutePath() + " (run ./plinthw verify from the root)");
        return new PlinthInstance(dist, home);
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
        return builder(List.of()).redirectOutput(consoleLog().toFile()).start();
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
        ProcessBuilder builder = builder(args);
        builder.environment().putAll(env);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("plinth did not exit within " + TIMEOUT + "; it printed:\n"
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
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
