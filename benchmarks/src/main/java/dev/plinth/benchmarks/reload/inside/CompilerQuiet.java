package dev.plinth.benchmarks.reload.inside;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Waits until the JVM's compilers have finished the work a run gave them, before the heap is measured. Truffle
 * compiles JavaScript on compiler threads of its own, with the Graal compiler running in the Java heap: right after a
 * burst of reloads it is still compiling the last versions' code, and what it holds for that counts in a heap taken
 * then (the growth over 500 JavaScript reloads, measured at once, varied from 2 to 21 MiB between runs; with Truffle's
 * compilation off, 0.4 to 0.5 MiB). What the compilers hold for work still to do is not what the reloads leave
 * behind.
 *
 * <p>Quiet means: over {@link #WINDOWS} {@link #WINDOW}s in a row, the host JIT's compilation time
 * ({@link CompilationMXBean}) and the CPU time of Truffle's compiler threads each grew by less than {@link #IDLE} a
 * window. Called on the harness's thread.
 */
final class CompilerQuiet {

    /** The span over which a compiler's work is taken. */
    static final Duration WINDOW = Duration.ofMillis(500);
    /** How many windows in a row the compilers must stay idle: a queue can pause between two compilations. */
    static final int WINDOWS = 4;
    /** The work per window below which a compiler counts as idle. */
    static final Duration IDLE = Duration.ofMillis(5);
    private static final String TRUFFLE_COMPILER_THREAD = "TruffleCompilerThread";

    private CompilerQuiet() {}

    /**
     * Waits for the compilers to be quiet, at most {@code limit}.
     *
     * @param limit how long to wait at most
     * @return how long it waited; {@code limit} or more when they did not become quiet
     * @throws InterruptedException when the thread is interrupted
     */
    static Duration await(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Work before = Work.now();
        int quietWindows = 0;
        while (quietWindows < WINDOWS && System.nanoTime() < deadline) {
            Thread.sleep(WINDOW);
            Work now = Work.now();
            boolean quiet = now.hostNanos() - before.hostNanos() < IDLE.toNanos()
                    && now.truffleNanos() - before.truffleNanos() < IDLE.toNanos();
            quietWindows = quiet ? quietWindows + 1 : 0;
            before = now;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * The compilers' work so far.
     *
     * @param hostNanos the host JIT's compilation time
     * @param truffleNanos the CPU time of Truffle's compiler threads
     */
    private record Work(long hostNanos, long truffleNanos) {

        static Work now() {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            long host = jit != null && jit.isCompilationTimeMonitoringSupported()
                    ? Duration.ofMillis(jit.getTotalCompilationTime()).toNanos() : 0;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long truffle = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith(TRUFFLE_COMPILER_THREAD)) {
                    truffle += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            return new Work(host, truffle);
        }
    }
}
