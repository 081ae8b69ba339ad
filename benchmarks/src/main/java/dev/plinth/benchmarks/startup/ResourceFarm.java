package dev.plinth.benchmarks.startup;

import dev.plinth.lang.wasm.internal.module.WatAssembler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes generated resources into a home's {@code resources/} folder, one kind at a time, as a server owner would
 * drop them: Lua scripts with an event handler, Bedrock resource packs, assets-only {@code meta.json} resources,
 * Java plugin bundles (a manifest providing the {@code plinth.resource} capability, no code), WebAssembly plugins
 * (a {@code plugin.wasm} of the design document's ABI with a join handler and one page of memory) and JavaScript
 * scripts with an event handler.
 */
final class ResourceFarm {

    /** The kinds of resource the harness generates. */
    enum Kind { LUA, PACK, ASSETS, JAVA, WASM, JS }

    /** The WebAssembly plugin: counts joins in its memory. */
    private static final String WASM_PLUGIN = """
            (module
              (memory (export "memory") 1 1)
              (func (export "on_player_join") (param i64)
                (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))))
            """;

    private ResourceFarm() {}

    /**
     * Writes resources.
     *
     * @param resources the {@code resources/} folder
     * @param kind what to write
     * @param count how many
     * @return their names
     */
    static List<String> write(Path resources, Kind kind, int count) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] wasm = kind == Kind.WASM
                ? WatAssembler.load().assemble("plugin.wat", WASM_PLUGIN.getBytes(StandardCharsets.UTF_8)) : null;
        for (int i = 0; i < count; i++) {
            String name = "bench-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + i;
            Path folder = resources.resolve(name);
            switch (kind) {
                case LUA -> script(folder, name, "main.lua", """
                        local joins = 0
                        mc.on("player_join", function(event)
                          joins = joins + 1
                        end)
                        """);
                case JS -> script(folder, name, "main.js", """
                        let joins = 0;
                        mc.on("player_join", (event) => {
                          joins++;
                        });
                        """);
                case PACK -> {
                    Files.createDirectories(folder);
                    Files.writeString(folder.resolve("manifest.json"), """
                            {"format_version": 2,
                             "header": {"name": "%s", "uuid": "%s", "version": [1, 0, 0],
                                        "min_engine_version": [1, 20, 0]},
                             "modules": [{"type": "resources", "uuid": "%s", "version": [1, 0, 0]}]}
                            """.formatted(name, uuid(i, 1), uuid(i, 2)));
                }
                case ASSETS -> {
                    Files.createDirectories(folder.resolve("textures"));
                    Files.writeString(folder.resolve("meta.json"), """
                            {"name": "%s", "version": "1.0.0", "resourceType": "script",
                             "assets": [{"path": "textures/logo.txt", "type": "asset", "cache": true}]}
                            """.formatted(name));
                    Files.writeString(folder.resolve("textures/logo.txt"), "logo");
                }
                case JAVA -> javaPlugin(resources.resolve(name + ".jar"), name);
                case WASM -> {
                    manifest(folder, name, "plugin.wasm");
                    Files.write(folder.resolve("plugin.wasm"), wasm);
                }
            }
            names.add(name);
        }
        return names;
    }

    /** A script resource: a {@code plugin.toml} naming its main file, and the file. */
    private static void script(Path folder, String name, String main, String code) throws IOException {
        manifest(folder, name, main);
        Files.writeString(folder.resolve(main), code);
    }

    private static void manifest(Path folder, String name, String main) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("plugin.toml"),
                "[plugin]\nname = \"" + name + "\"\nversion = \"1.0.0\"\nmain = \"" + main + "\"\n");
    }

    private static void javaPlugin(Path jar, String name) throws IOException {
        var manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "dev.plinth.bench." + name.replace('-', '.'));
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Provide-Capability", "plinth.resource;plinth.resource=\"" + name
                + "\";version:Version=\"1.0.0\"");
        try (OutputStream out = Files.newOutputStream(jar); var ignored = new JarOutputStream(out, manifest)) {
            // a manifest is the whole bundle
        }
    }

    private static String uuid(int index, int part) {
        return "%08x-0000-4000-8000-%012x".formatted(index, part);
    }
}
