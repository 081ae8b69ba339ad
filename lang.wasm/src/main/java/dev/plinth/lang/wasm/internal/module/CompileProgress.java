package dev.plinth.lang.wasm.internal.module;

import com.dylibso.chicory.compiler.internal.ClassCollector;
import com.dylibso.chicory.compiler.internal.ClassLoadingCollector;
import dev.plinth.core.runtime.progress.ProgressTask;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects the classes Chicory's compiler generates for one module: each is rewritten to keep the fuel in a static
 * field ({@link StaticFuel}, when the module is compiled whole), and the compilation of a large module reports its
 * progress: the compiler emits the functions in groups, one class each, and this counts the functions of each group
 * done ({@link Counter}).
 *
 * <p>Confined to the compiling thread.
 */
final class CompileProgress extends ClassLoadingCollector {

    private static final String GROUP = "FuncGroup_";

    private final Counter counter;
    private final int fuelGlobal;

    /**
     * Creates the collector of one compilation; Chicory may create several (it retries with smaller groups, and
     * checks each group in a collector of its own), which share the counter.
     *
     * @param counter the compilation's progress
     * @param fuelGlobal the fuel global to move to a static field, or -1 to leave the global
     */
    CompileProgress(Counter counter, int fuelGlobal) {
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
            counter.groupDone();
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

    /**
     * What the collectors of one compilation share: how many functions of how many are compiled, reported to the
     * task (the retries and checks Chicory makes are not counted twice).
     */
    static final class Counter {
        private final @Nullable ProgressTask task;
        private final int functions;
        private final int groupSize;
        private int done;

        /**
         * Counts one compilation.
         *
         * @param task where the progress goes; null when it is not reported
         * @param functions the functions to compile
         * @param groupSize the functions per group
         */
        Counter(@Nullable ProgressTask task, int functions, int groupSize) {
            this.task = task;
            this.functions = functions;
            this.groupSize = Math.max(1, groupSize);
        }

        void groupDone() {
            int now = Math.min(functions, done + groupSize);
            if (task != null && now > done) {
                task.advance(now - done);
            }
            done = now;
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
