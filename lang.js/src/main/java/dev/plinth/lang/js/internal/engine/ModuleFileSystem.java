package dev.plinth.lang.js.internal.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.io.FileSystem;
import org.jspecify.annotations.Nullable;

/**
 * The only file system a JavaScript resource's context has: it serves module files, read-only, from the resource's
 * own files ({@code /own/main.js} is the resource's {@code main.js}), from the resources named by {@code @id} imports
 * ({@code /mods/id/...}, beside that resource's entry) and from built-in modules ({@code /:builtin/@minecraft/server}).
 * Nothing else exists: no disk, no writes, no directories, and an import that leaves the resource or names a bare
 * package is refused with a sentence naming the import.
 *
 * <p>Relative imports may omit {@code .js} ({@code ./manager}), as Staminal mods do: {@code X}, {@code X.js},
 * {@code X.mjs}, {@code X.ts}, {@code X.mts}, {@code X/index.js}, {@code X/index.mjs} and {@code X/index.ts} are tried
 * in that order, and the module's identity is the file found. As TypeScript's own module resolution has it, an import
 * of {@code ./util.js} finds {@code util.ts} when there is no {@code util.js}.
 *
 * <p>Thread-safe: GraalJS calls it on the thread that loads a module, files are cached once read.
 */
public final class ModuleFileSystem implements FileSystem {

    /** The folder of built-in modules. */
    static final String BUILTIN = "/:builtin/";
    /** The folder of the resource's own files. */
    static final String OWN = "/own/";
    /** The folder of the resources imported as {@code @id}. */
    static final String MODS = "/mods/";
    private static final List<String> SUFFIXES =
            List.of("", ".js", ".mjs", ".ts", ".mts", "/index.js", "/index.mjs", "/index.ts");
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final ModuleRoots roots;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /**
     * Creates the file system of one resource.
     *
     * @param roots where modules come from
     */
    public ModuleFileSystem(ModuleRoots roots) {
        this.roots = roots;
    }

    /**
     * The path of a resource file as the module loader knows it.
     *
     * @param file a path relative to the resource root
     * @return the absolute module path
     */
    public static Path modulePath(String file) {
        return Path.of(OWN + file);
    }

    /**
     * A module path as users read it in messages: relative to the resource ({@code server/index.js}), or
     * {@code @id/...} for an imported mod's file.
     *
     * @param path the source path, may be null
     * @param name the source name, used when there is no path
     * @return the name to show
     */
    public static String displayName(@Nullable String path, String name) {
        String shown = path == null ? name : path;
        if (shown.startsWith(BUILTIN)) {
            return shown.substring(BUILTIN.length());
        }
        if (shown.startsWith(OWN)) {
            return shown.substring(OWN.length());
        }
        if (shown.startsWith(MODS)) {
            return "@" + shown.substring(MODS.length());
        }
        return shown.startsWith("/") ? shown.substring(1) : shown;
    }

    @Override
    public Path parsePath(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            throw new UnsupportedOperationException("JavaScript resources load modules from their own files only, not "
                    + uri);
        }
        return Path.of(uri.getPath());
    }

    @Override
    public Path parsePath(String path) {
        if (roots.builtin(path).isPresent()) {
            return Path.of(BUILTIN + path);
        }
        return Path.of(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) {
            throw new AccessDeniedException(path.toString(), null, "JavaScript resources cannot write or run files");
        }
        find(path);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "JavaScript resources cannot write files");
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "JavaScript resources cannot write files");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        for (OpenOption option : options) {
            if (option != StandardOpenOption.READ && option instanceof StandardOpenOption) {
                throw new AccessDeniedException(path.toString(), null, "JavaScript resources cannot write files");
            }
        }
        return new ReadOnlyChannel(ByteBuffer.wrap(read(find(path))));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "JavaScript resources cannot list folders");
    }

    @Override
    public Path toAbsolutePath(Path path) {
        if (path.isAbsolute()) {
            return path;
        }
        // A bare specifier: '@id' and '@id/sub' name another resource, anything else is refused when read.
        String text = path.toString();
        return Path.of(text.startsWith("@") ? MODS + text.substring(1) : "/" + text);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return find(path);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path found = find(path);
        var result = new HashMap<String, Object>();
        result.put("isRegularFile", true);
        result.put("isDirectory", false);
        result.put("isSymbolicLink", false);
        result.put("isOther", false);
        result.put("size", (long) read(found).length);
        result.put("lastModifiedTime", EPOCH);
        result.put("lastAccessTime", EPOCH);
        result.put("creationTime", EPOCH);
        return result;
    }

    /** The module file a path names, with the suffixes tried, as a canonical path. */
    private Path find(Path path) throws IOException {
        String text = path.toString();
        if (text.startsWith(BUILTIN)) {
            if (roots.builtin(text.substring(BUILTIN.length())).isPresent()) {
                return path;
            }
            throw new NoSuchFileException(text);
        }
        if (!path.isAbsolute()) {
            if (!text.startsWith("@")) {
                throw new ImportRefusedException("import '" + text + "' is not allowed: a JavaScript resource imports "
                        + "its own files ('./" + text + "') and other resources as '@name'; packages are not loaded");
            }
            path = toAbsolutePath(path);
            text = path.toString();
        }
        String normalized = path.normalize().toString();
        if (normalized.startsWith(MODS)) {
            return findInMod(normalized.substring(MODS.length()));
        }
        if (!normalized.startsWith(OWN) || normalized.contains("/../")) {
            throw new ImportRefusedException("import '" + displayName(normalized, normalized) + "' leaves the resource: "
                    + "modules are imported from the resource's own files only");
        }
        String relative = normalized.substring(OWN.length());
        for (String candidate : candidates(relative)) {
            if (cached(candidate, () -> roots.own().read(candidate)) != null) {
                return Path.of(OWN + candidate);
            }
        }
        throw new NoSuchFileException(relative, null, "no such file in the resource");
    }

    private Path findInMod(String relative) throws IOException {
        int slash = relative.indexOf('/');
        String id = slash < 0 ? relative : relative.substring(0, slash);
        String rest = slash < 0 ? "" : relative.substring(slash + 1);
        ModuleRoots.ModRoot root = roots.mod(id);
        switch (root) {
            case ModuleRoots.ModRoot.Generated generated -> {
                if (!rest.isEmpty()) {
                    throw new NoSuchFileException("@" + id + "/" + rest, null, "'" + id
                            + "' is not a JavaScript resource: import '@" + id + "' itself for its exported functions");
                }
                cache.put("@" + id, generated.source().getBytes(StandardCharsets.UTF_8));
                return Path.of(MODS + id);
            }
            case ModuleRoots.ModRoot.Modules modules -> {
                int cut = modules.entry().lastIndexOf('/');
                String folder = cut < 0 ? "" : modules.entry().substring(0, cut + 1);
                String entryName = modules.entry().substring(cut + 1);
                var candidates = rest.isEmpty() ? List.of(entryName) : candidates(rest);
                for (String candidate : candidates) {
                    String key = "@" + id + "/" + candidate;
                    if (cached(key, () -> modules.files().read(folder + candidate)) != null) {
                        return Path.of(MODS + id + "/" + candidate);
                    }
                }
                throw new NoSuchFileException("@" + id + "/" + rest, null, "no such file beside the entry of '" + id
                        + "' (" + modules.entry() + ")");
            }
        }
    }

    /** The files an import of {@code path} may name, in the order they are tried. */
    private static List<String> candidates(String path) {
        var candidates = new java.util.ArrayList<String>(SUFFIXES.size() + 2);
        SUFFIXES.forEach(suffix -> candidates.add(path + suffix));
        if (path.endsWith(".js")) {
            candidates.add(path.substring(0, path.length() - ".js".length()) + ".ts");
        } else if (path.endsWith(".mjs")) {
            candidates.add(path.substring(0, path.length() - ".mjs".length()) + ".mts");
        }
        return candidates;
    }

    private byte @Nullable [] cached(String key, Reader reader) throws IOException {
        byte[] bytes = cache.get(key);
        if (bytes == null) {
            Optional<byte[]> read = reader.read();
            if (read.isEmpty()) {
                return null;
            }
            bytes = read.get();
            cache.put(key, bytes);
        }
        return bytes;
    }

    private byte[] read(Path found) throws IOException {
        String text = found.toString();
        if (text.startsWith(BUILTIN)) {
            return roots.builtin(text.substring(BUILTIN.length())).orElseThrow(() -> new NoSuchFileException(text))
                    .getBytes(StandardCharsets.UTF_8);
        }
        String key = text.startsWith(MODS) ? "@" + text.substring(MODS.length()) : text.substring(OWN.length());
        byte[] bytes = cache.get(key);
        if (bytes == null) {
            throw new NoSuchFileException(text);
        }
        return bytes;
    }

    @FunctionalInterface
    private interface Reader {
        Optional<byte[]> read() throws IOException;
    }

    /** A read-only channel over a file's bytes. */
    private static final class ReadOnlyChannel implements SeekableByteChannel {
        private final ByteBuffer bytes;
        private boolean open = true;

        ReadOnlyChannel(ByteBuffer bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (!bytes.hasRemaining()) {
                return -1;
            }
            int count = Math.min(dst.remaining(), bytes.remaining());
            dst.put(bytes.slice(bytes.position(), count));
            bytes.position(bytes.position() + count);
            return count;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return bytes.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            bytes.position((int) Math.min(newPosition, bytes.limit()));
            return this;
        }

        @Override
        public long size() {
            return bytes.limit();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
