package dev.plinth.benchmarks.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The harness reads a process's CPU time per thread from {@code /proc}, and splits out the JIT compilers'. */
class CpuTimeTest {

    @Test
    void aProcessThatSpunHalfASecondUsedAtLeastThatMuchCpu() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc here: the harness reports no CPU time");
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        long spins = 0;
        while (System.nanoTime() < until) {
            spins++;
        }

        CpuTime cpu = CpuTime.of(ProcessHandle.current().pid());

        assertTrue(spins > 0);
        assertTrue(cpu.totalMillis() >= 450, "the spin alone is half a second of CPU: " + cpu);
        assertTrue(cpu.compilerMillis() >= 0 && cpu.gcMillis() >= 0 && cpu.restMillis() >= 450,
                "the spinning thread is none of the JIT's or the collector's: " + cpu);
    }

    @Test
    void aProcessThatIsGoneHasNoFigure() {
        assertEquals(CpuTime.NONE, CpuTime.of(Long.MAX_VALUE));
    }
}
