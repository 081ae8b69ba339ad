package dev.plinth.lang.wasm.internal.module;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wabt.Wat2WasmModule;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.plinth.lang.wasm.internal.failure.ModuleException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Assembles the WebAssembly text format into a binary module with wabt's {@code wat2wasm}, which runs on the JVM
 * (Chicory's {@code wabt} artifact: the C++ tool compiled to WebAssembly, then to JVM bytecode). The text is given
 * on standard input and the module read from standard output, so no file system is involved; a syntax error comes
 * back with the file name, line and column.
 *
 * <p>Thread-safe: every call runs its own instance. A call runs as long as wat2wasm does (milliseconds for a
 * plugin's source) and stops when the calling thread is interrupted.
 */
public final class WatAssembler {

    /** wat2wasm's memory may grow to 256 MiB: enough for any source a plugin ships. */
    private static final int MAX_PAGES = 4096;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern LOCATION = Pattern.compile("^-:(\\d+):(\\d+): (?:error: )?(.*)$", Pattern.MULTILINE);

    private final WasmModule wat2wasm;

    private WatAssembler(WasmModule wat2wasm) {
        this.wat2wasm = wat2wasm;
    }

    /**
     * Loads wat2wasm (its module metadata; its code is already JVM bytecode).
     *
     * @return the assembler
     */
    public static WatAssembler load() {
        return new WatAssembler(Wat2WasmModule.load());
    }

    /**
     * Assembles a text module.
     *
     * @param file the file name, for messages ({@code main.wat})
     * @param source the text
     * @return the binary module
     * @throws ModuleException when the text is not a valid module: the message names the file, line and column
     */
    public byte[] assemble(String file, byte[] source) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        WasiOptions options = WasiOptions.builder()
                .withStdin(new ByteArrayInputStream(source), false)
                .withStdout(out, false)
                .withStderr(err, false)
                .withArguments(List.of("wat2wasm", "-", "--output=-"))
                .build();
        try (var wasi = WasiPreview1.builder().withOptions(options).build()) {
            Instance.builder(wat2wasm)
                    .withMachineFactory(Wat2WasmModule::create)
                    .withMemoryLimits(new MemoryLimits(wat2wasm.memorySection().orElseThrow().getMemory(0).limits()
                            .initialPages(), MAX_PAGES))
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .build();
        } catch (WasiExitException e) {
            throw new ModuleException(firstError(file, err.toString(StandardCharsets.UTF_8)));
        } catch (ChicoryException e) {
            throw new ModuleException(file + ": wat2wasm failed: " + e.getMessage());
        }
        byte[] module = out.toByteArray();
        if (module.length == 0) {
            throw new ModuleException(file + ": wat2wasm produced no module: "
                    + firstError(file, err.toString(StandardCharsets.UTF_8)));
        }
        return module;
    }

    /**
     * Assembles every {@code .wat} file in the folders given on the command line (and their subfolders) into a
     * {@code .wasm} file beside it: the build runs this to make the example plugins.
     *
     * @param args the folders
     * @throws IOException when a file cannot be read or written
     * @throws ModuleException when a file is not a valid text module
     */
    public static void main(String[] args) throws IOException {
        var assembler = load();
        for (String folder : args) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                sources = files.filter(file -> file.toString().endsWith(".wat")).sorted().toList();
            }
            for (Path source : sources) {
                String name = source.getFileName().toString();
                Path target = source.resolveSibling(name.substring(0, name.length() - ".wat".length()) + ".wasm");
                Files.write(target, assembler.assemble(source.toString(), Files.readAllBytes(source)));
            }
        }
    }

    /** wat2wasm's first error, located in the file: {@code main.wat:3:5: unexpected token i32.cnst...}. */
    private static String firstError(String file, String stderr) {
        String text = ANSI.matcher(stderr).replaceAll("").strip();
        Matcher located = LOCATION.matcher(text);
        if (located.find()) {
            return file + ":" + located.group(1) + ":" + located.group(2) + ": " + located.group(3).strip();
        }
        return file + ": " + (text.isEmpty() ? "not a WebAssembly text module" : text.lines().findFirst().orElse(text));
    }
}
