package dev.plinth.benchmarks.startup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used so far, read from {@code /proc/PID/task/*} (user + system time of each thread),
 * split by what its threads do: the JIT compilers (HotSpot's C1 and C2, and Truffle's compiler threads, which run the
 * Graal compiler for JavaScript), the garbage collector, and the rest (the framework, Plinth, the resources). On two
 * cores, a startup whose CPU time is about twice its wall time is bound by the CPU: only doing less makes it faster.
 *
 * @param totalMillis every thread's CPU time, in milliseconds (0 where {@code /proc} is not readable)
 * @param compilerMillis the JIT compiler threads'
 * @param gcMillis the garbage collector's threads'
 */
record CpuTime(long totalMillis, long compilerMillis, long gcMillis) {

    /** Linux's clock ticks per second for {@code /proc} times ({@code getconf CLK_TCK}; 100 on every common kernel). */
    private static final long TICKS_PER_SECOND = 100;

    /** Nothing measured. */
    static final CpuTime NONE = new CpuTime(0, 0, 0);

    /** {@return the CPU time of the threads that are neither compilers nor the collector} */
    long restMillis() {
        return totalMillis - compilerMillis - gcMillis;
    }

    /**
     * Reads a live process's CPU time; threads that end while it reads are left out.
     *
     * @param pid the process
     * @return its CPU time so far, {@link #NONE} when its threads cannot be read
     */
    static CpuTime of(long pid) {
        long total = 0;
        long compilers = 0;
        long gc = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    // the fields after the name in parentheses: state is the first, utime the 12th, stime the 13th
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
                    total += millis;
                    if (isCompiler(name)) {
                        compilers += millis;
                    } else if (isCollector(name)) {
                        gc += millis;
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        return new CpuTime(total, compilers, gc);
    }

    /** Thread names as the kernel keeps them (15 characters): {@code C2 CompilerThre}, {@code TruffleCompiler}. */
    private static boolean isCompiler(String thread) {
        return thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")
                || thread.startsWith("TruffleCompiler") || thread.startsWith("JVMCI");
    }

    private static boolean isCollector(String thread) {
        return thread.startsWith("GC Thread") || thread.startsWith("G1 ");
    }
}
