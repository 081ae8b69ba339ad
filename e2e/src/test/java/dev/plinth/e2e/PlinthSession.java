package dev.plinth.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A conversation with a running instance: commands are written to its standard input one at a time, and the test
 * waits for what they print (read from {@link PlinthInstance#consoleLog()}) before the next one, as an operator at
 * the console would. For behaviour that completes on a thread of its own (a resource its host stops).
 */
final class PlinthSession implements AutoCloseable {

    private final PlinthInstance instance;
    private final Process process;
    private final OutputStream input;

    private PlinthSession(PlinthInstance instance) throws IOException {
        this.instance = instance;
        this.process = instance.start();
        this.input = process.getOutputStream();
    }

    /** Starts the instance and waits until it runs piped commands (its startup resources are started). */
    static PlinthSession open(PlinthInstance instance) throws IOException, InterruptedException {
        var session = new PlinthSession(instance);
        session.send("echo session-ready");
        session.await(out -> out.contains("session-ready\n"), "the instance reads commands");
        return session;
    }

    /** Writes one command. */
    void send(String command) throws IOException {
        input.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    /**
     * Waits until the output so far satisfies a condition, at most {@link PlinthInstance#TIMEOUT}.
     *
     * @return the output so far
     */
    String await(Predicate<String> condition, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PlinthInstance.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String out = output();
            if (condition.test(out)) {
                return out;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the instance exited before " + what + ":\n" + out);
            }
            Thread.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("timed out waiting until " + what + ":\n" + output());
    }

    /**
     * Runs a command again and again until the output satisfies a condition (a state reached on another thread),
     * at most {@link PlinthInstance#TIMEOUT}.
     *
     * @return the output so far
     */
    String poll(String command, Predicate<String> condition, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PlinthInstance.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            send(command);
            Thread.sleep(Duration.ofMillis(200));
            String out = output();
            if (condition.test(out)) {
                return out;
            }
        }
        throw new AssertionError("timed out waiting until " + what + ":\n" + output());
    }

    /**
     * Runs an instance, sends it commands, waits until a resource is stopped for breaking its limits and shows
     * {@code error} in {@code resource:list} (the stop completes on a thread of its own), then asks for the TPS and
     * shuts it down.
     *
     * @param instance the instance
     * @param resource the resource expected to be stopped
     * @param language its host, as {@code resource:list} shows it (its type is any: {@code plugin}, {@code pack})
     * @param commands what to send first, in order
     * @return the exit code and everything it printed
     */
    static PlinthInstance.Run untilStoppedForLimits(PlinthInstance instance, String resource, String language,
            String... commands) throws IOException, InterruptedException {
        try (var session = open(instance)) {
            for (String command : commands) {
                session.send(command);
            }
            session.await(o -> o.contains("ERR_SCRIPT_EXECUTION: " + resource + " stopped for breaking its limits"),
                    resource + " is stopped");
            session.poll("resource:list", o -> o.matches("(?s).*\n" + Pattern.quote(resource)
                    + "\\s+\\S+\\s+" + language + "\\s+1\\.0\\.0\\s+error\\s.*"), resource + " is in error");
            session.send("server:tps");
            int exit = session.finish();
            return new PlinthInstance.Run(exit, session.output());
        }
    }

    /**
     * The longest tick of the last minute, from {@code server:mspt}'s {@code 1m} row in an instance's output.
     *
     * @param out the output, after {@code server:mspt}
     * @return milliseconds
     */
    static double maxTickMillis(String out) {
        return maxTickMillis(out, "1m");
    }

    /**
     * The longest tick of a window of {@code server:mspt} ({@code 5s}: the last 100 ticks; {@code 1m}), from the
     * first {@code server:mspt} in an instance's output.
     *
     * @param out the output, after {@code server:mspt}
     * @param window the row
     * @return milliseconds
     */
    static double maxTickMillis(String out, String window) {
        var row = Pattern.compile("\n" + window + "\\s+\\d+\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)").matcher(out);
        if (!row.find()) {
            throw new AssertionError("server:mspt printed its " + window + " row:\n" + out);
        }
        return Double.parseDouble(row.group(3));
    }

    /** The process of the instance (the JVM: {@code bin/plinth} replaces itself with it). */
    long pid() {
        return process.pid();
    }

    /** Everything the instance printed so far. */
    String output() throws IOException {
        return Files.readString(instance.consoleLog());
    }

    /** Ends the input and waits for the instance to shut down; returns its exit code. */
    int finish() throws IOException, InterruptedException {
        input.close();
        if (!process.waitFor(PlinthInstance.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("plinth did not shut down within " + PlinthInstance.TIMEOUT + " and was killed:\n"
                    + output());
        }
        return process.exitValue();
    }

    /** Kills the instance if it still runs, and waits (bounded) for it to be gone. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
