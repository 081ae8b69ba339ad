package dev.plinth.lang.js.internal.typescript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Compiled TypeScript, kept by content hash: the hash of the compiler's version, the module's name and its text. A
 * module compiled once is not compiled again while its text is the same, in this run (the latest {@value #IN_MEMORY}
 * results stay in memory) or the next one (each result is also written to a folder, {@code data/cache/typescript/} of
 * the server's home): a server restarted with unchanged sources does not even load the compiler. A file in the folder
 * is written whole or not at all (written aside, then moved); one that cannot be read is compiled again. The folder
 * keeps the latest {@value #ON_DISK} results; one written before the results listed their imports is compiled again.
 *
 * <p>Thread-safe: a module asked for by two threads at once is compiled once.
 */
public final class TranspileCache {

    static final int IN_MEMORY = 256;
    static final int ON_DISK = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TypeScriptCompiler compiler;
    private final Optional<Path> folder;
    private final Map<String, Transpiled> memory = new LinkedHashMap<>(16, 0.75f, true);
    private final Object compiling = new Object();
    private volatile long compilations;

    /**
     * Creates the cache.
     *
     * @param compiler what compiles a module that is not kept
     * @param folder where results are written for the next run; empty to keep them in memory only
     */
    public TranspileCache(TypeScriptCompiler compiler, Optional<Path> folder) {
        this.compiler = compiler;
        this.folder = folder;
    }

    /**
     * The JavaScript of a module, compiled when its text was not compiled before.
     *
     * @param resource the resource, for messages
     * @param file the module as users read it ({@code main.ts})
     * @param source its bytes, UTF-8
     * @return the compiled module
     * @throws dev.plinth.lang.js.internal.engine.JsLoadException when it does not compile, with the file and the line
     */
    public Transpiled transpile(String resource, String file, byte[] source) {
        String key = key(file, source);
        Transpiled kept = kept(key);
        if (kept != null) {
            return kept;
        }
        synchronized (compiling) {
            kept = kept(key);
            if (kept == null) {
                kept = compiler.transpile(resource, file, new String(source, StandardCharsets.UTF_8));
                compilations++;
                remember(key, kept);
                write(key, kept);
            }
            return kept;
        }
    }

    /**
     * Whether a module's text is compiled already (in memory, or in the folder from an earlier run): then
     * {@link #transpile} does not load the compiler.
     *
     * @param file the module as users read it ({@code main.ts})
     * @param source its bytes, UTF-8
     * @return whether it is kept
     */
    public boolean isKept(String file, byte[] source) {
        return find(file, source).isPresent();
    }

    /**
     * A module's JavaScript when its text is compiled already (in memory, or in the folder from an earlier run); never
     * loads the compiler.
     *
     * @param file the module as users read it ({@code main.ts})
     * @param source its bytes, UTF-8
     * @return the compiled module; empty when it is not kept
     */
    public Optional<Transpiled> find(String file, byte[] source) {
        return Optional.ofNullable(kept(key(file, source)));
    }

    /** {@return how many modules this cache had compiled, for the tests and {@code js:info}} */
    public long compilations() {
        return compilations;
    }

    private @Nullable Transpiled kept(String key) {
        synchronized (memory) {
            Transpiled found = memory.get(key);
            if (found != null) {
                return found;
            }
        }
        Optional<Transpiled> read = read(key);
        read.ifPresent(found -> remember(key, found));
        return read.orElse(null);
    }

    private void remember(String key, Transpiled transpiled) {
        synchronized (memory) {
            memory.put(key, transpiled);
            if (memory.size() > IN_MEMORY) {
                memory.remove(memory.keySet().iterator().next());
            }
        }
    }

    private Optional<Transpiled> read(String key) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path file = folder.get().resolve(key + ".json");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(file.toFile());
            JsonNode lines = node.path("lines");
            JsonNode imported = node.path("imports");
            if (!node.path("javascript").isTextual() || !lines.isArray() || !imported.isArray()) {
                return Optional.empty();
            }
            int[] original = new int[lines.size()];
            for (int i = 0; i < original.length; i++) {
                original[i] = lines.get(i).asInt();
            }
            var imports = new ArrayList<String>(imported.size());
            imported.forEach(specifier -> imports.add(specifier.asText()));
            return Optional.of(new Transpiled(node.path("javascript").asText(), LineMap.ofLines(original), imports));
        } catch (IOException e) {
            return Optional.empty(); // compiled again
        }
    }

    private void write(String key, Transpiled transpiled) {
        if (folder.isEmpty()) {
            return;
        }
        try {
            Path dir = Files.createDirectories(folder.get());
            ObjectNode node = JSON.createObjectNode();
            node.put("javascript", transpiled.javascript());
            var lines = node.putArray("lines");
            for (int line : transpiled.lines().lines()) {
                lines.add(line);
            }
            var imports = node.putArray("imports");
            transpiled.imports().forEach(imports::add);
            Path partial = Files.createTempFile(dir, key, ".part");
            try {
                JSON.writeValue(partial.toFile(), node);
                Files.move(partial, dir.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            prune(dir);
        } catch (IOException e) {
            // kept in memory only: the next run compiles it again
        }
    }

    /** Deletes the oldest results past {@link #ON_DISK}. */
    private static void prune(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
        if (files.size() <= ON_DISK) {
            return;
        }
        var byAge = files.stream().sorted(Comparator.comparingLong(TranspileCache::modified)).toList();
        for (Path old : byAge.subList(0, files.size() - ON_DISK)) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private String key(String file, byte[] source) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
        digest.update(("typescript " + compiler.version() + " esnext es2022 sourcemap\u0000" + file + "\u0000")
                .getBytes(StandardCharsets.UTF_8));
        digest.update(source);
        return HexFormat.of().formatHex(digest.digest());
    }
}
