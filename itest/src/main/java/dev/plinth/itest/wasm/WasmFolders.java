package dev.plinth.itest.wasm;

import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * WebAssembly resources written into the test home's {@code resources/} as authors write them: a
 * {@code plugin.toml} and the module, in the text format ({@code main.wat}, which the host assembles when it loads it)
 * or binary, copied from elsewhere (a module built by an Extism PDK).
 */
public final class WasmFolders {

    private WasmFolders() {}

    /**
     * What hand-written Extism plugins share, to go inside their {@code (module ...)}: the kernel functions they
     * import ({@code $input_length}, {@code $input_load_u8}, {@code $alloc}, {@code $store_u8}, {@code $output_set})
     * and {@code $to_block (ptr, len) -> block}, which copies bytes of the module's memory into a new kernel block.
     */
    static final String EXTISM_KERNEL = """
              (import "extism:host/env" "input_length" (func $input_length (result i64)))
              (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
              (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
              (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
              (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
              (func $to_block (param $ptr i32) (param $len i32) (result i64)
                (local $b i64) (local $i i32)
                (local.set $b (call $alloc (i64.extend_i32_u (local.get $len))))
                (block $d (loop $l
                  (br_if $d (i32.ge_u (local.get $i) (local.get $len)))
                  (call $store_u8 (i64.add (local.get $b) (i64.extend_i32_u (local.get $i)))
                                  (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $l)))
                (local.get $b))
            """;

    /**
     * A module (MC-RS ABI) whose chat handler loops a number of times: 8 WebAssembly instructions an iteration.
     *
     * @param pages its linear memory, in pages of 64 KiB
     * @param iterations the loop's iterations per chat line
     * @return the module, in the text format
     */
    public static String burner(int pages, int iterations) {
        return """
                (module (memory (export "memory") %d)
                  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
                  (func (export "on_player_chat") (param i64 i32 i32) (result i32) (local $i i32)
                    (loop $l
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $l (i32.lt_u (local.get $i) (i32.const %d))))
                    (i32.const 0)))
                """.formatted(pages, iterations);
    }

    /**
     * Writes a plugin whose module is text and waits until it is listed.
     *
     * @param home the test home
     * @param name the resource name, also its folder
     * @param manifestTail more of {@code plugin.toml} after {@code name}, {@code version} and {@code main}
     *     ({@code abi = "extism"}, {@code [permissions]}...)
     * @param wat the module
     */
    static void deploy(ResourceHome home, String name, String manifestTail, String wat) throws IOException {
        home.folder(name, Map.of(
                "plugin.toml", "[plugin]\nname = \"" + name + "\"\nversion = \"1.0.0\"\nmain = \"main.wat\"\n"
                        + manifestTail,
                "main.wat", wat));
        home.awaitListed(name);
    }

    /**
     * Moves in a plugin whose module is a binary file, all files at once, and waits until it is listed.
     *
     * @param home the test home
     * @param name the resource name, also its folder
     * @param manifest the whole {@code plugin.toml}
     * @param module the module file to copy, read in place
     * @param file its name in the resource
     */
    static void deployBinary(ResourceHome home, String name, String manifest, Path module, String file)
            throws IOException {
        Path staged = Files.createTempDirectory(home.root, "staged-");
        Files.writeString(staged.resolve("plugin.toml"), manifest);
        Files.copy(module, staged.resolve(file));
        home.moveIn(staged, name);
        home.awaitListed(name);
    }
}
