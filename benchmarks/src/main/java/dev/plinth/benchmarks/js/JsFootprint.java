package dev.plinth.benchmarks.js;

import dev.plinth.lang.js.internal.engine.JsScript;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap an idle JavaScript resource keeps on the shared engine: starts 200 resources (a context, the start
 * benchmark's two modules evaluated), measures the heap after full collections against the heap with the engine alone,
 * and prints the difference per resource (the issue asks &le; 256 KiB). Run by {@code -Pbench} after JMH.
 */
public final class JsFootprint {

    private static final int RESOURCES = 200;

    private JsFootprint() {}

    /**
     * Measures and prints.
     *
     * @param args none
     */
    public static void main(String[] args) {
        var runtime = new BenchRuntime();
        try (JsScript warm = runtime.script("warm", JsStartBenchmark.FILES)) {
            warm.evalModule("main.js");
        }
        long before = settledHeap();
        List<JsScript> resources = new ArrayList<>();
        for (int i = 0; i < RESOURCES; i++) {
            var script = runtime.script("idle-" + i, JsStartBenchmark.FILES);
            script.evalModule("main.js");
            resources.add(script);
        }
        long after = settledHeap();
        System.out.printf("JavaScript footprint: %d idle resources keep %.1f KiB each on the shared engine (%s)%n",
                RESOURCES, (after - before) / 1024.0 / RESOURCES, runtime.engine().mode());
        resources.forEach(JsScript::close);
        runtime.close();
    }

    private static long settledHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
