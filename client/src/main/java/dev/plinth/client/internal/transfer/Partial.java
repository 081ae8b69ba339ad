package dev.plinth.client.internal.transfer;

import dev.plinth.client.protocol.PayloadListing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where one download's bytes go as they arrive, hashed on the way: a {@code .part} file of the cache for a file
 * clients may keep (resumable, across sessions too), memory for one that must not be kept. {@link #finish} hands a
 * verified download to the cache.
 *
 * <p>Not thread-safe: one download writes it.
 */
sealed interface Partial extends AutoCloseable permits Partial.OnDisk, Partial.InMemory {

    /** The buffer size for reading and copying. */
    int CHUNK = 64 * 1024;

    /**
     * Where a file's download goes.
     *
     * @param cache the client's files
     * @param entry the file
     * @return a {@code .part} file for a cached file, memory otherwise
     */
    static Partial of(FileCache cache, PayloadListing.Entry entry) {
        return entry.cache() ? new OnDisk(cache.part(entry.hash())) : new InMemory();
    }

    /**
     * What a download of this file may resume from, without opening anything: the size of its {@code .part} when that
     * holds part of the file, else 0 (a {@code .part} that holds nothing to resume from is deleted).
     *
     * @param cache the client's files
     * @param entry the file
     * @return the offset to ask for
     * @throws IOException when the {@code .part} cannot be read
     */
    static long resumable(FileCache cache, PayloadListing.Entry entry) throws IOException {
        if (!entry.cache()) {
            return 0;
        }
        Path part = cache.part(entry.hash());
        if (!Files.isRegularFile(part)) {
            return 0;
        }
        long held = Files.size(part);
        if (held > 0 && held < entry.size()) {
            return held;
        }
        Files.deleteIfExists(part); // nothing to resume from: it would only linger
        return 0;
    }

    /**
     * A new SHA-256 digest.
     *
     * @return the digest
     */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    /**
     * Opens it to receive the file: keeps what it holds when that is part of the file (hashing it), else starts empty.
     *
     * @param size the file's size
     * @return the offset to receive from
     * @throws IOException when the {@code .part} cannot be read or written
     */
    long offset(long size) throws IOException;

    /**
     * Drops what it holds: the download starts over.
     *
     * @throws IOException when the {@code .part} cannot be written
     */
    void restart() throws IOException;

    /**
     * Takes bytes that arrived.
     *
     * @param bytes a buffer
     * @param length how many of its bytes, from the start
     * @throws IOException when the {@code .part} cannot be written
     */
    void write(byte[] bytes, int length) throws IOException;

    /** {@return the bytes it holds} */
    long size();

    /** {@return the SHA-256 of what it holds} */
    String sha256();

    /**
     * Whether it holds the file: its size and SHA-256.
     *
     * @param entry the file
     * @return {@code true} when it does
     */
    default boolean holds(PayloadListing.Entry entry) {
        return size() == entry.size() && sha256().equals(entry.hash());
    }

    /**
     * Hands the verified file to the cache: the {@code .part} becomes {@code DIR/<hash>}, memory is kept for the
     * session.
     *
     * @param cache the client's files
     * @param entry the file
     * @throws IOException when the {@code .part} cannot be moved
     */
    void finish(FileCache cache, PayloadListing.Entry entry) throws IOException;

    @Override
    void close() throws IOException;

    /** A {@code .part} file: resumable across sessions. */
    final class OnDisk implements Partial {
        private final Path file;
        private MessageDigest digest = newDigest();
        private OutputStream out;
        private long size;

        OnDisk(Path file) {
            this.file = file;
        }

        @Override
        public long offset(long expected) throws IOException {
            if (Files.isRegularFile(file)) {
                long held = Files.size(file);
                if (held > 0 && held < expected) {
                    try (InputStream in = Files.newInputStream(file)) {
                        byte[] buffer = new byte[CHUNK];
                        for (int read; (read = in.read(buffer)) >= 0; ) {
                            digest.update(buffer, 0, read);
                        }
                    }
                    size = held;
                    out = Files.newOutputStream(file, StandardOpenOption.APPEND);
                    return held;
                }
            }
            restart();
            return 0;
        }

        @Override
        public void restart() throws IOException {
            close();
            digest = newDigest();
            size = 0;
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        }

        @Override
        public void write(byte[] bytes, int length) throws IOException {
            out.write(bytes, 0, length);
            digest.update(bytes, 0, length);
            size += length;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public void finish(FileCache cache, PayloadListing.Entry entry) throws IOException {
            close();
            cache.commit(entry.hash());
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }

    /** Memory, for a file that must not be cached: it starts over each session. */
    final class InMemory implements Partial {
        private ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public long offset(long expected) {
            return out.size() < expected ? out.size() : 0;
        }

        @Override
        public void restart() {
            out = new ByteArrayOutputStream();
        }

        @Override
        public void write(byte[] bytes, int length) {
            out.write(bytes, 0, length);
        }

        @Override
        public long size() {
            return out.size();
        }

        @Override
        public String sha256() {
            return HexFormat.of().formatHex(newDigest().digest(out.toByteArray()));
        }

        @Override
        public void finish(FileCache cache, PayloadListing.Entry entry) {
            cache.keep(entry.hash(), out.toByteArray());
        }

        @Override
        public void close() {
            // memory
        }
    }
}
