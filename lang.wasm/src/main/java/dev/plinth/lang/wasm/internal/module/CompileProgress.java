package dev.plinth.lang.wasm.internal.module;

import com.dylibso.chicory.compiler.internal.ClassLoadingCollector;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells how far the compilation of a large module has come: Chicory's compiler emits a module's functions in groups,
 * one JVM class each, and this collector counts the groups as they are loaded. At most one line per
 * {@value #INTERVAL_MS} ms goes to the sink ({@code big.wasm: compiling, 40% (4 of 10 function groups), 2.1 s}).
 *
 * <p>Confined to the compiling thread.
 */
final class CompileProgress extends ClassLoadingCollector {

    static final long INTERVAL_MS = 1000;
    private static final String GROUP = "FuncGroup_";

    private final String file;
    private final int groups;
    private final Consumer<String> sink;
    private final LongSupplier clock;
    private final long started;
    private final Counter counter;
    private long lastReport;

    /**
     * Creates the collector of one compilation; Chicory may create several (it retries with smaller groups), which
     * share the counter.
     */
    CompileProgress(String file, int groups, Consumer<String> sink, LongSupplier clock, Counter counter) {
        this.file = file;
        this.groups = groups;
        this.sink = sink;
        this.clock = clock;
        this.counter = counter;
        this.started = counter.started;
        this.lastReport = counter.lastReport;
    }

    @Override
    public void put(String className, byte[] bytes) {
        super.put(className, bytes);
        if (className.contains(GROUP)) {
            int done = Math.min(groups, ++counter.done);
            long now = clock.getAsLong();
            if (now - Math.max(lastReport, counter.lastReport) >= INTERVAL_MS && done < groups) {
                counter.lastReport = now;
                lastReport = now;
                sink.accept(String.format("%s: compiling, %d%% (%d of %d function groups), %.1f s", file,
                        done * 100 / groups, done, groups, (now - started) / 1000.0));
            }
        }
    }

    /** What the collectors of one compilation share. */
    static final class Counter {
        private final long started;
        private long lastReport;
        private int done;

        Counter(long started) {
            this.started = started;
            this.lastReport = started;
        }
    }
}
