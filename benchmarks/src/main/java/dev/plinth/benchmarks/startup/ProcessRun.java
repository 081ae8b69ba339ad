package dev.plinth.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One whole process, timed from the outside: wall time from spawn to the line {@link StartupHarness#READY_MARKER}
 * (printed once startup has finished) and to exit, the CPU time it had used when the ready line came, and the peak
 * resident memory ({@code VmHWM} of {@code /proc/PID/status}, read every 10 ms while it runs).
 *
 * @param readyMillis spawn to the ready line, in milliseconds (-1 when it never came)
 * @param totalMillis spawn to exit, in milliseconds
 * @param cpuAtReady the CPU time its threads had used when the ready line came ({@link CpuTime#NONE} when it never
 *     came)
 * @param peakRssKib the peak resident set, in KiB (0 where {@code /proc} is not readable)
 * @param exitCode the process's exit code
 */
record ProcessRun(long readyMillis, long totalMillis, CpuTime cpuAtReady, long peakRssKib, int exitCode) {

    /**
     * Runs a command to its end.
     *
     * @param command the command line
     * @param stdin what to write to its standard input
     * @param whileReady called (on this thread) once the ready line came, with the process, before its input closes;
     *     {@code null} to close the input at once
     * @return the measurements
     */
    static ProcessRun run(List<String> command, String stdin, @Nullable Consumer<Process> whileReady)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long[] ready = {-1};
        CpuTime[] cpu = {CpuTime.NONE};
        var readyLatch = new java.util.concurrent.CountDownLatch(1);
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (ready[0] < 0 && line.strip().equals(StartupHarness.READY_MARKER)) {
                        ready[0] = (System.nanoTime() - start) / 1_000_000;
                        cpu[0] = CpuTime.of(process.pid());
                        readyLatch.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            readyLatch.countDown();
        });
        OutputStream in = process.getOutputStream();
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
        in.flush();
        long peak = 0;
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        boolean handedOver = whileReady == null;
        if (handedOver) {
            in.close();
        }
        while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMark(status));
            if (!handedOver && readyLatch.getCount() == 0 && whileReady != null) {
                handedOver = true;
                whileReady.accept(process);
                in.close();
            }
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        reader.join(5000);
        return new ProcessRun(ready[0], total, cpu[0], peak, process.exitValue());
    }

    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended, or there is no /proc
        }
        return 0;
    }
}
