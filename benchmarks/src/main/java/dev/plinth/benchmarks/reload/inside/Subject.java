package dev.plinth.benchmarks.reload.inside;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.osgi.framework.Bundle;

/**
 * The resource the harness reloads, in one language, written into the server's {@code resources/} as a developer
 * saves it: each version differs (a comment, a version header), so each reload has new content to build, compile
 * and swap in.
 *
 * @param language {@code lua}, {@code js}, {@code wasm} or {@code java}
 * @param name the resource name
 * @param resources the server's {@code resources/} folder
 * @param harness the harness bundle, whose classes make the Java plugin
 */
record Subject(String language, String name, Path resources, Bundle harness) {

    /** How long before a restart a version's files were saved (more than the resource manager's scan). */
    private static final java.time.Duration SAVED_BEFORE = java.time.Duration.ofSeconds(5);

    /**
     * Writes the next version; the resource name is also its folder or jar. Its files are dated
     * {@link #SAVED_BEFORE} back, as files saved a while before the restart that takes them: they are complete (each
     * written whole), so {@code resource:restart} takes them at once instead of waiting for them to stay the same for
     * one scan, which it must do for files still being written. A save in development mode is seen all the same (the
     * watcher is told of the write; the contents and sizes differ).
     *
     * @return the folder or jar
     */
    Path write(int version) throws IOException {
        Path written = switch (language) {
            case "lua" -> lua(version);
            case "js" -> js(version);
            case "wasm" -> wasm(version);
            case "java" -> java(version);
            default -> throw new IllegalArgumentException("no subject in " + language + ": use lua, js, wasm or java");
        };
        var saved = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - SAVED_BEFORE.toMillis());
        try (var files = Files.walk(language.equals("java") ? written : written.getParent())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, saved);
            }
        }
        return written;
    }

    /** The file a change of the subject's code touches. */
    Path codeFile() {
        return switch (language) {
            case "java" -> resources.resolve(name + ".jar");
            case "js" -> resources.resolve(name).resolve("main.js");
            case "wasm" -> resources.resolve(name).resolve("plugin.wat");
            default -> resources.resolve(name).resolve("main.lua");
        };
    }

    private Path lua(int version) throws IOException {
        Path folder = Files.createDirectories(resources.resolve(name));
        Files.writeString(folder.resolve("plugin.toml"), "[plugin]\nname = \"" + name + "\"\nversion = \"1.0.0\"\n"
                + "main = \"main.lua\"\n");
        return replace(folder.resolve("main.lua"), ("""
                local handled = 0
                mc.on("%s", function(event)
                  handled = handled + 1
                  mc.emit("%s:ack", {id = event.id})
                end)
                mc.on_reload_save(function() return {handled = handled} end)
                mc.on_reload_restore(function(state) handled = state.handled end)
                -- version %d
                """.formatted(ReloadRun.EVENT, name, version)).getBytes(StandardCharsets.UTF_8));
    }

    private Path js(int version) throws IOException {
        Path folder = Files.createDirectories(resources.resolve(name));
        Files.writeString(folder.resolve("plugin.toml"), "[plugin]\nname = \"" + name + "\"\nversion = \"1.0.0\"\n"
                + "main = \"main.js\"\n");
        return replace(folder.resolve("main.js"), ("""
                let handled = 0;
                mc.on("%s", (event) => {
                  handled++;
                  mc.emit("%s:ack", { id: event.id });
                });
                export function onSaveState() { return { handled }; }
                export function onRestoreState(state) { handled = state.handled; }
                // version %d
                """.formatted(ReloadRun.EVENT, name, version)).getBytes(StandardCharsets.UTF_8));
    }

    /** The WebAssembly text of {@code subject.wat}: the host assembles it when it loads (and before a reload). */
    private Path wasm(int version) throws IOException {
        Path folder = Files.createDirectories(resources.resolve(name));
        Files.writeString(folder.resolve("plugin.toml"), "[plugin]\nname = \"" + name + "\"\nversion = \"1.0.0\"\n"
                + "main = \"plugin.wat\"\n");
        byte[] module;
        try (InputStream in = harness.getEntry(Subject.class.getPackageName().replace('.', '/') + "/subject.wat")
                .openStream()) {
            module = in.readAllBytes();
        }
        String text = new String(module, StandardCharsets.UTF_8) + ";; version " + version + "\n";
        return replace(folder.resolve("plugin.wat"), text.getBytes(StandardCharsets.UTF_8));
    }

    private Path java(int version) throws IOException {
        var manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", "1.0." + version);
        main.putValue("Bundle-Activator", JavaSubject.class.getName());
        main.putValue("Import-Package", "org.osgi.framework,dev.plinth.core.events,dev.plinth.core.runtime.plugin");
        main.putValue("Provide-Capability", "plinth.resource;plinth.resource=\"" + name + "\";version:Version=\"1.0."
                + version + "\"");
        var bytes = new ByteArrayOutputStream();
        try (OutputStream out = bytes; var jar = new JarOutputStream(out, manifest)) {
            for (Class<?> type : List.of(JavaSubject.class, JavaSubject.Counting.class)) {
                String file = type.getName().replace('.', '/') + ".class";
                try (InputStream in = harness.getEntry(file).openStream()) {
                    jar.putNextEntry(new ZipEntry(file));
                    jar.write(in.readAllBytes());
                    jar.closeEntry();
                }
            }
        }
        return replace(resources.resolve(name + ".jar"), bytes.toByteArray());
    }

    /**
     * Writes a resource of the same language that depends on the subject and does nothing else but take its
     * dependency hook: what a reload of the subject does to the resources that need it.
     *
     * @param dependent its name, also its folder or jar
     * @return its folder or jar
     */
    Path writeDependent(String dependent) throws IOException {
        if (language.equals("java")) {
            var manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", dependent);
            main.putValue("Bundle-Version", "1.0.0");
            main.putValue("Provide-Capability", "plinth.resource;plinth.resource=\"" + dependent
                    + "\";version:Version=\"1.0.0\"");
            main.putValue("Require-Capability", "plinth.resource;filter:=\"(&(plinth.resource=" + name
                    + ")(version>=1.0.0))\"");
            var bytes = new ByteArrayOutputStream();
            try (OutputStream out = bytes; var jar = new JarOutputStream(out, manifest)) {
                jar.flush();
            }
            return replace(resources.resolve(dependent + ".jar"), bytes.toByteArray());
        }
        String main = switch (language) {
            case "lua" -> "main.lua";
            case "js" -> "main.js";
            case "wasm" -> "plugin.wat";
            default -> throw new IllegalArgumentException("no subject in " + language + ": use lua, js, wasm or java");
        };
        String code = switch (language) {
            case "lua" -> "mc.on_dependency_reload(function(name) end)\n";
            case "js" -> "export function onDependencyReload(name) {}\n";
            default -> "(module (memory (export \"memory\") 1))\n";
        };
        Path staged = Files.createTempDirectory(resources.getParent(), dependent);
        Files.writeString(staged.resolve("plugin.toml"), "[plugin]\nname = \"" + dependent + "\"\nversion = "
                + "\"1.0.0\"\nmain = \"" + main + "\"\n[dependencies]\n" + name + " = \">=1.0.0\"\n");
        Files.writeString(staged.resolve(main), code);
        return Files.move(staged, resources.resolve(dependent), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes a dependent that {@link #writeDependent} wrote. */
    void removeDependent(String dependent) throws IOException {
        Path jar = resources.resolve(dependent + ".jar");
        if (Files.deleteIfExists(jar)) {
            return;
        }
        try (var files = Files.walk(resources.resolve(dependent))) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Writes a file whole, as an editor's save does: the new content appears at once. */
    private static Path replace(Path file, byte[] content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.write(partial, content);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}
