package dev.plinth.lang.wasm.internal.module;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.ClassLoadingCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.compiler.internal.MachineFactory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.progress.ProgressTask;
import dev.plinth.core.runtime.progress.ProgressUnit;
import dev.plinth.lang.wasm.internal.failure.ModuleException;
import dev.plinth.lang.wasm.internal.meter.FuelInstrumenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns a module file into a {@link PreparedModule}: assembles text ({@code .wat}), parses and validates the binary,
 * checks its memory against the resource's limit, meters it ({@link FuelInstrumenter}) and compiles it to JVM
 * bytecode with Chicory's compiler, or prepares Chicory's interpreter. Functions too large for a JVM method run
 * interpreted within a compiled module; a module the compiler cannot take at all runs interpreted. Each such
 * decision is a note of the prepared module, for the log.
 *
 * <p>This is the expensive part of starting a WebAssembly resource: it runs off the game thread. A module of many
 * functions reports its compilation to the console ({@link Progress}: {@code [dev.plinth.lang.wasm] big:
 * plugin.wasm: compiling 12000 functions to JVM bytecode: 40% (4800 of 12000)} about once a second, then its end).
 *
 * <p>Thread-safe; calls may run in parallel. A call stops (with a {@link ModuleException}) when its thread is
 * interrupted while assembling text.
 */
public final class ModuleLoader {

    /** Modules with more functions than this get their progress reported while they compile. */
    static final int LARGE_MODULE_FUNCTIONS = 1000;
    private static final int PROGRESS_STEPS = 10;
    private static final long PAGE = 64 * 1024;

    private final boolean compile;
    private final WatAssembler assembler;
    private final Progress progress;

    /**
     * Creates a loader.
     *
     * @param compile whether modules are compiled to JVM bytecode (the default) or interpreted
     * @param assembler the assembler of {@code .wat} files
     * @param progress where the compilation of a large module is reported
     */
    public ModuleLoader(boolean compile, WatAssembler assembler, Progress progress) {
        this.compile = compile;
        this.assembler = Objects.requireNonNull(assembler, "assembler");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** {@return whether modules are compiled to JVM bytecode} */
    public boolean compiles() {
        return compile;
    }

    /**
     * Prepares a module.
     *
     * @param resource the resource it is for, for the progress lines
     * @param file the module's path in its resource; {@code .wat} files are assembled first
     * @param content the file's content
     * @param maxPages the pages (64 KiB) of linear memory the resource may have
     * @return the prepared module
     * @throws ModuleException when the file is not a valid module, or when it asks for more memory or more table
     *     entries ({@link TableCap}) than allowed
     */
    public PreparedModule load(String resource, String file, byte[] content, int maxPages) {
        long started = System.nanoTime();
        byte[] binary = file.toLowerCase(Locale.ROOT).endsWith(".wat") ? assembler.assemble(file, content) : content;
        WasmModule original = parse(file, binary);
        var notes = new ArrayList<String>();
        Optional<MemoryLimits> memory = memory(file, original, maxPages, notes);
        TableCap.check(file, original);
        FuelInstrumenter.Metered metered;
        WasmModule module;
        try {
            metered = FuelInstrumenter.instrument(binary, original);
            module = Parser.parse(metered.bytes());
        } catch (ChicoryException | IllegalArgumentException e) {
            throw new ModuleException(file + ": cannot be metered: " + e.getMessage(), e);
        }
        Compiled compiled = compile
                ? compileOrInterpret(resource, file, module, metered, notes)
                : new Compiled(InterpreterMachine::new, ExecutionMode.INTERPRETED, false);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new PreparedModule(file, module, compiled.machines(), compiled.mode(), metered.fuelGlobal(),
                metered.growGlobal(), compiled.staticFuel(), memory, notes, millis);
    }

    /**
     * What preparing a module is when it is long work: compiling a large module (one whose compilation reports its
     * progress) to JVM bytecode. Parses the module's sections, compiles nothing.
     *
     * @param compile whether modules are compiled to JVM bytecode
     * @param file the module's path in its resource
     * @param content the file's content
     * @return {@code compiling N functions of FILE to JVM bytecode}; empty when modules are interpreted, when the
     *     module is small, a {@code .wat} text (assembled quickly) or not a valid module (its start says why)
     */
    public static Optional<String> longWork(boolean compile, String file, byte[] content) {
        if (!compile || file.toLowerCase(Locale.ROOT).endsWith(".wat")) {
            return Optional.empty();
        }
        WasmModule module;
        try {
            module = parse(file, content);
        } catch (ModuleException e) {
            return Optional.empty();
        }
        return isLarge(module) ? Optional.of("compiling " + module.functionSection().functionCount()
                + " functions of " + file + " to JVM bytecode") : Optional.empty();
    }

    /** {@return whether a module is large enough for its compilation to report progress} */
    private static boolean isLarge(WasmModule module) {
        return module.importSection().count(ExternalType.FUNCTION) + module.functionSection().functionCount()
                > LARGE_MODULE_FUNCTIONS;
    }

    private static WasmModule parse(String file, byte[] binary) {
        try {
            return Parser.parse(binary);
        } catch (ChicoryException | IllegalArgumentException | IndexOutOfBoundsException
                | java.nio.BufferUnderflowException e) {
            throw new ModuleException(file + ": not a valid WebAssembly module: " + message(e), e);
        }
    }

    /** The memory the module gets: its declaration, with the maximum capped by the resource's limit. */
    private static Optional<MemoryLimits> memory(String file, WasmModule module, int maxPages, List<String> notes) {
        if (module.importSection().count(ExternalType.MEMORY) > 0) {
            return Optional.empty(); // linking refuses imported memories, naming the import
        }
        var section = module.memorySection();
        if (section.isEmpty() || section.get().memoryCount() == 0) {
            return Optional.empty();
        }
        if (section.get().memoryCount() > 1) {
            throw new ModuleException(file + ": declares " + section.get().memoryCount()
                    + " memories; a plugin has one linear memory");
        }
        MemoryLimits declared = section.get().getMemory(0).limits();
        if (declared.shared()) {
            throw new ModuleException(file + ": declares a shared memory; plugins run on one thread and have none");
        }
        if (declared.initialPages() > maxPages) {
            throw new ModuleException(file + ": declares " + declared.initialPages() + " pages ("
                    + mib(declared.initialPages()) + ") of initial memory, more than the resource may have: "
                    + maxPages + " pages (" + mib(maxPages) + ")");
        }
        if (declared.maximumPages() > maxPages) {
            boolean unbounded = declared.maximumPages() == MemoryLimits.MAX_PAGES;
            notes.add(file + ": memory clamped to " + maxPages + " pages (" + mib(maxPages) + "): it declares "
                    + (unbounded ? "no maximum" : "a maximum of " + declared.maximumPages() + " pages")
                    + "; memory.grow past the limit returns -1");
            return Optional.of(new MemoryLimits(declared.initialPages(), maxPages));
        }
        return Optional.of(declared);
    }

    private record Compiled(Function<Instance, Machine> machines, ExecutionMode mode, boolean staticFuel) {}

    private Compiled compileOrInterpret(String resource, String file, WasmModule module,
            FuelInstrumenter.Metered metered, List<String> notes) {
        int functions = module.functionSection().functionCount();
        boolean large = isLarge(module);
        ProgressTask task = large ? progress.begin(resource + ": " + file + ": compiling " + functions
                + " functions to JVM bytecode", functions, ProgressUnit.ITEMS) : null;
        try {
            Compiled compiled = compile(module, metered, metered.fuelGlobal(), task, notes, file);
            if (compiled.mode() == ExecutionMode.MIXED) {
                // Interpreted functions read the fuel global: the compiled ones must too.
                compiled = compile(module, metered, -1, null, new ArrayList<>(), file);
                compiled = new Compiled(compiled.machines(), ExecutionMode.MIXED, false);
            }
            return compiled;
        } catch (ChicoryException | LinkageError | IllegalStateException | IllegalArgumentException
                | ClassCastException e) {
            String reason = "runs in Chicory's interpreter, the compiler cannot take it: " + message(e);
            if (task != null) {
                task.fail(reason);
            }
            notes.add(file + ": " + reason);
            return new Compiled(InterpreterMachine::new, ExecutionMode.INTERPRETED, false);
        } finally {
            if (task != null) {
                task.close();
            }
        }
    }

    private static Compiled compile(WasmModule module, FuelInstrumenter.Metered metered, int fuelGlobal,
            @Nullable ProgressTask task, List<String> notes, String file) {
        int functions = module.importSection().count(ExternalType.FUNCTION) + module.functionSection().functionCount();
        int groupSize = task != null ? (functions + PROGRESS_STEPS - 1) / PROGRESS_STEPS : 0;
        var counter = new CompileProgress.Counter(task, module.functionSection().functionCount(),
                groupSize > 0 ? groupSize : functions);
        CompilerResult result = Compiler.builder(module)
                .withMaxFunctionsPerClass(groupSize)
                .withInterpreterFallback(InterpreterFallback.SILENT)
                .withClassCollectorFactory(() -> new CompileProgress(counter, fuelGlobal))
                .build()
                .compile();
        var collector = (ClassLoadingCollector) result.collector();
        Function<Instance, Machine> machines = new MachineFactory(module, collector.machineFactory());
        Set<Integer> interpreted = new TreeSet<>(result.interpretedFunctions());
        if (!interpreted.isEmpty()) {
            notes.add(file + ": " + interpreted.size() + " function(s) too large for a JVM method run in "
                    + "Chicory's interpreter: " + describe(module, metered, interpreted));
            return new Compiled(machines, ExecutionMode.MIXED, fuelGlobal >= 0);
        }
        return new Compiled(machines, ExecutionMode.COMPILED, fuelGlobal >= 0);
    }

    /** Names functions of the metered module by the functions of the module as written that they stand for. */
    private static String describe(WasmModule module, FuelInstrumenter.Metered metered, Set<Integer> functions) {
        var names = new ArrayList<String>();
        for (int index : new TreeSet<>(functions.stream().map(metered::original).toList())) {
            String name = module.nameSection() == null ? null : module.nameSection().nameOfFunction(index);
            names.add(name == null ? "#" + index : name);
            if (names.size() == 5) {
                names.add("...");
                break;
            }
        }
        return String.join(", ", names);
    }

    private static String mib(long pages) {
        long bytes = pages * PAGE;
        if (bytes < 1024 * 1024) {
            return bytes / 1024 + " KiB";
        }
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024));
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
