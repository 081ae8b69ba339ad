package dev.plinth.lang.wasm.internal.module;

import com.dylibso.chicory.compiler.internal.ClassCollector;
import com.dylibso.chicory.compiler.internal.ClassLoadingCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Collects the classes Chicory's compiler generates for one module: each is rewritten to keep the fuel in a static
 * field ({@link StaticFuel}, when the module is compiled whole), and the compilation of a large module reports its
 * progress: the compiler emits the functions in groups, one class each, and this counts them. At most one line per
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
    private final Counter counter;
    private final int fuelGlobal;

    /**
     * Creates the collector of one compilation; Chicory may create several (it retries with smaller groups, and
     * checks each group in a collector of its own), which share the counter.
     *
     * @param fuelGlobal the fuel global to move to a static field, or -1 to leave the global
     */
    CompileProgress(String file, int groups, Consumer<String> sink, LongSupplier clock, Counter counter,
            int fuelGlobal) {
        this.file = file;
        this.groups = groups;
        this.sink = sink;
        this.clock = clock;
        this.counter = counter;
        this.fuelGlobal = fuelGlobal;
        if (fuelGlobal >= 0) {
            super.put(StaticFuel.CELL, StaticFuel.cellClass());
        }
    }

    @Override
    public void putMainClass(String className, byte[] bytes) {
        super.putMainClass(className, rewritten(bytes));
    }

    @Override
    public void put(String className, byte[] bytes) {
        super.put(className, rewritten(bytes));
        if (className.contains(GROUP)) {
            int done = Math.min(groups, ++counter.done);
            long now = clock.getAsLong();
            if (now - counter.lastReport >= INTERVAL_MS && done < groups) {
                counter.lastReport = now;
                sink.accept(String.format("%s: compiling, %d%% (%d of %d function groups), %.1f s", file,
                        done * 100 / groups, done, groups, (now - counter.started) / 1000.0));
            }
        }
    }

    /** Takes another collector's classes, but not its fuel cell: this one has its own. */
    @Override
    public void putAll(ClassCollector collector) {
        var classes = new LinkedHashMap<>(collector.classBytes());
        classes.remove(StaticFuel.CELL);
        super.putAll(new Classes(collector, classes));
    }

    private byte[] rewritten(byte[] bytes) {
        return fuelGlobal >= 0 ? StaticFuel.rewrite(bytes, fuelGlobal) : bytes;
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

    /** Another collector's classes, less some: what {@link #putAll} reads. */
    private record Classes(ClassCollector collector, Map<String, byte[]> classBytes) implements ClassCollector {
        @Override
        public String mainClassName() {
            return collector.mainClassName();
        }

        @Override
        public void putMainClass(String className, byte[] bytes) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void put(String name, byte[] data) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void putAll(ClassCollector other) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public byte[] resolve(Class<?> clazz) {
            return collector.resolve(clazz);
        }
    }
}
