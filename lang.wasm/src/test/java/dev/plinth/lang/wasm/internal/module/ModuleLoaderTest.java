package dev.plinth.lang.wasm.internal.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasm.Parser;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.failure.ModuleException;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import dev.plinth.lang.wasm.internal.meter.FuelLimits;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import dev.plinth.lang.wasm.internal.testing.TestAccount;
import dev.plinth.lang.wasm.internal.testing.TestGuests;
import dev.plinth.lang.wasm.internal.testing.TestProgress;
import dev.plinth.lang.wasm.internal.testing.TestWatchdog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleLoaderTest {

    private static final WatAssembler WAT = WatAssembler.load();
    private final TestProgress progress = new TestProgress();
    private final ModuleLoader loader = new ModuleLoader(true, WAT, progress);

    private PreparedModule load(String wat, int maxPages) {
        return loader.load("t", "main.wat", wat.getBytes(StandardCharsets.UTF_8), maxPages);
    }

    @Test
    void aTextModuleWithASyntaxErrorNamesTheFileLineAndColumn() {
        var e = assertThrows(ModuleException.class, () -> load("(module\n  (func (export \"f\")\n    i32.cnst 1))", 1));
        assertEquals("main.wat:3:5: unexpected token i32.cnst, expected ).", e.getMessage());
    }

    @Test
    void anInvalidBinaryIsRefusedAsNoModule() {
        var e = assertThrows(ModuleException.class, () -> loader.load("t", "plugin.wasm", "not wasm".getBytes(
                StandardCharsets.UTF_8), 1));
        assertTrue(e.getMessage().startsWith("plugin.wasm: not a valid WebAssembly module: "), e.getMessage());
        assertTrue(e.getMessage().contains("magic header not detected"), e.getMessage());
        var invalid = assertThrows(ModuleException.class, () -> load(
                "(module (func (result i32) (i64.const 1)))", 1));
        assertTrue(invalid.getMessage().contains("type mismatch"), invalid.getMessage());
    }

    @Test
    void aModuleDeclaringMoreInitialMemoryThanAllowedIsRefused() {
        var e = assertThrows(ModuleException.class, () -> load("(module (memory 300))", 256));
        assertEquals("main.wat: declares 300 pages (18.75 MiB) of initial memory, more than the resource may have: 256 "
                + "pages (16 MiB)", e.getMessage());
    }

    @Test
    void aModuleDeclaringTablesOfMoreEntriesThanAllowedIsRefused() {
        // 15 million entries (Chicory allows 10 million a table): 120 MB of Java heap, instantiated on the game thread
        var e = assertThrows(ModuleException.class, () -> load("(module (table 5000000 funcref) "
                + "(table 5000000 funcref) (table 5000000 externref))", 256));
        assertEquals("main.wat: declares tables of 15000000 entries, more than a plugin may have: 1048576",
                e.getMessage());
    }

    @Test
    void aMaximumAboveTheLimitIsClampedAndGrowingPastItReturnsMinusOne() {
        PreparedModule module = load("""
                (module (memory (export "memory") 1)
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
                """, 4);
        assertEquals(List.of("main.wat: memory clamped to 4 pages (256 KiB): it declares no maximum; memory.grow "
                + "past the limit returns -1"), module.notes());
        var meter = new FuelMeter(FuelLimits.of(1000, 1000, 1000), TestGuests.BOUNDS, () -> 0,
                new TestAccount("t", 1000), new TestWatchdog().watch("t", o -> { }));
        var guest = Guest.instantiate("t: main.wat", module, ImportValues.empty(), meter, 3, 64L << 20, e -> { });
        assertEquals(1, guest.call(CallKind.EVENT, "grow", 3)[0], "1 + 3 pages fit");
        assertEquals(-1, (int) guest.call(CallKind.EVENT, "grow", 1)[0], "a fifth page does not");
        assertEquals(4, guest.memory().orElseThrow().pages());
    }

    @Test
    void aLargeModuleShowsItsCompilationProgressAndIsCompiled() throws IOException {
        byte[] wat2wasm = wat2wasm();
        PreparedModule module = loader.load("wabt", "wat2wasm.wasm", wat2wasm, 1024);

        assertEquals(ExecutionMode.COMPILED, module.mode());
        List<String> reported = progress.reported();
        int functions = module.module().functionSection().functionCount();
        assertEquals("begin wabt: wat2wasm.wasm: compiling " + functions + " functions to JVM bytecode (" + functions
                + ")", reported.getFirst());
        assertTrue(reported.stream().filter(line -> line.startsWith("advance ")).count() > 1,
                "in steps, a group of functions each: " + reported);
        assertEquals(functions, reported.stream().filter(line -> line.startsWith("advance "))
                .mapToLong(line -> Long.parseLong(line.substring("advance ".length()))).sum(), reported.toString());
        assertEquals("done", reported.getLast());
    }

    @Test
    void compilingALargeModuleIsLongWorkWhichTheBootDefersAndASmallOneIsNot() throws IOException {
        byte[] wat2wasm = wat2wasm();
        byte[] small = WAT.assemble("main.wat", "(module (func (export \"f\")))".getBytes(StandardCharsets.UTF_8));
        int functions = Parser.parse(wat2wasm).functionSection().functionCount();

        assertEquals(Optional.of("compiling " + functions + " functions of big.wasm to JVM bytecode"),
                ModuleLoader.longWork(true, "big.wasm", wat2wasm));
        assertEquals(Optional.empty(), ModuleLoader.longWork(false, "big.wasm", wat2wasm),
                "interpreted: nothing to compile");
        assertEquals(Optional.empty(), ModuleLoader.longWork(true, "main.wasm", small));
        assertEquals(Optional.empty(), ModuleLoader.longWork(true, "bad.wasm", new byte[] {1, 2, 3}),
                "not a module: its start says why");
        assertEquals(List.of(), progress.reported(), "nothing was compiled");
    }

    @Test
    void theInterpreterRunsTheSameMeteredModule() {
        var interpreted = new ModuleLoader(false, WAT, progress).load("t", "main.wat",
                "(module (func (export \"f\")))".getBytes(StandardCharsets.UTF_8), 1);
        assertEquals(ExecutionMode.INTERPRETED, interpreted.mode());
        assertEquals(List.of(), progress.reported(), "a small module reports nothing");
    }

    /** wabt's {@code wat2wasm}, a module of thousands of functions, from the wabt jar. */
    private static byte[] wat2wasm() throws IOException {
        try (InputStream in = Objects.requireNonNull(WatAssembler.class.getResourceAsStream("/wat2wasm"),
                "wat2wasm in the wabt jar")) {
            return in.readAllBytes();
        }
    }
}
