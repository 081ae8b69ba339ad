package dev.plinth.benchmarks.wasm;

import dev.plinth.lang.wasm.internal.plugin.WasmPlugin;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an idle plugin keeps on the heap: a hundred small plugins started as the host starts them (each with its own
 * compiled module, as every resource has), the heap measured after full collections before and after, per plugin,
 * beside its linear memory (one page). Target: at most 64 KiB plus the linear memory. A measure, not a test: run by
 * {@code BenchMain} after the JMH benchmarks.
 */
public final class WasmFootprint {

    private static final int PLUGINS = 100;
    private static final long PAGE = 64 * 1024;

    private WasmFootprint() {}

    /**
     * Measures.
     *
     * @return one line: the bytes per plugin beside the target
     */
    public static String measure() {
        var bench = new WasmBench();
        try {
            byte[] binary = bench.binary(WasmBench.SMALL);
            bench.start("warm-up", bench.prepare(binary, true)).stop();
            long before = usedAfterGc();
            List<WasmPlugin> plugins = new ArrayList<>();
            for (int i = 0; i < PLUGINS; i++) {
                plugins.add(bench.start("idle-" + i, bench.prepare(binary, true)));
            }
            long after = usedAfterGc();
            long linear = plugins.stream().mapToLong(WasmPlugin::retainedBytes).sum() / PLUGINS;
            long perPlugin = (after - before) / PLUGINS;
            long beyond = perPlugin - linear;
            plugins.forEach(WasmPlugin::stop);
            return String.format(Locale.ROOT, "retained heap per idle plugin: %.1f KiB = %.1f KiB of linear memory + "
                    + "%.1f KiB, target <= 64 KiB + its linear memory   %s", perPlugin / 1024.0, linear / 1024.0,
                    beyond / 1024.0, beyond <= PAGE ? "met" : "MISSED");
        } finally {
            bench.close();
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
