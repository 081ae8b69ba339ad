package dev.plinth.client.internal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's files by hash: the cache folder ({@code DIR/<sha256>} for the files clients may keep,
 * {@code DIR/<sha256>.part} for a larger download under way, so a killed transfer resumes; a small file received
 * whole is written under its name at once) and, for the files that must not
 * be kept ({@code cache: false}), memory for this session only. A cached file is verified (size and SHA-256) before
 * it is trusted, once per session.
 *
 * <p>Thread-safe.
 */
public final class FileCache {

    private final Path folder;
    private final Map<String, byte[]> memory = new ConcurrentHashMap<>();
    private final Map<String, FileTime> verified = new ConcurrentHashMap<>();

    /**
     * Opens a cache folder.
     *
     * @param folder the folder, created when missing
     * @throws IOException when it cannot be created
     */
    public FileCache(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** {@return the folder} */
    public Path folder() {
        return folder;
    }

    /**
     * Whether a file is here, whole and intact: in memory, or in the folder with its size and hash (a damaged file is
     * deleted).
     *
     * @param hash its SHA-256
     * @param size its size
     * @return {@code true} when it can be used as it is
     * @throws IOException when the folder cannot be read
     */
    public boolean has(String hash, long size) throws IOException {
        if (memory.containsKey(hash)) {
            return true;
        }
        Path file = folder.resolve(hash);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        FileTime modified = Files.getLastModifiedTime(file);
        if (modified.equals(verified.get(hash))) {
            return true;
        }
        if (Files.size(file) == size && hash.equals(sha256(file))) {
            verified.put(hash, modified);
            return true;
        }
        Files.deleteIfExists(file);
        return false;
    }

    /**
     * A partial download's file.
     *
     * @param hash the file's hash
     * @return {@code DIR/<hash>.part}
     */
    public Path part(String hash) {
        return folder.resolve(hash + ".part");
    }

    /**
     * Makes a verified partial download the cached file.
     *
     * @param hash the file's hash
     * @throws IOException when it cannot be moved
     */
    public void commit(String hash) throws IOException {
        Path target = folder.resolve(hash);
        try {
            Files.move(part(hash), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part(hash), target, StandardCopyOption.REPLACE_EXISTING);
        }
        verified.put(hash, Files.getLastModifiedTime(target));
    }

    /**
     * Writes a verified file under its name at once, without a {@code .part} (a small file received whole). A write
     * cut short leaves a file whose size or hash does not match: {@link #has} deletes it in the next session.
     *
     * @param hash its hash
     * @param content its verified bytes
     * @throws IOException when it cannot be written
     */
    public void store(String hash, byte[] content) throws IOException {
        Path target = folder.resolve(hash);
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        verified.put(hash, Files.getLastModifiedTime(target));
    }

    /**
     * Keeps a file that must not be cached, for this session.
     *
     * @param hash its hash
     * @param content its verified bytes
     */
    public void keep(String hash, byte[] content) {
        memory.put(hash, content);
    }

    /**
     * Reads a file.
     *
     * @param hash its hash
     * @return its bytes, empty when it is neither kept nor cached
     * @throws IOException when it cannot be read
     */
    public Optional<byte[]> read(String hash) throws IOException {
        byte[] kept = memory.get(hash);
        if (kept != null) {
            return Optional.of(kept);
        }
        Path file = folder.resolve(hash);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    /** Forgets what is in memory: the session ends. */
    public void clearMemory() {
        memory.clear();
    }

    /**
     * The SHA-256 of a file.
     *
     * @param file the file
     * @return lower-case hexadecimal
     * @throws IOException when it cannot be read
     */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = Partial.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
