package dev.plinth.core.resource.internal.payload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * SHA-256 of files, computed on this object's own threads ({@code plinth-payload-hash-N}, one per processor) and kept
 * until a file changes: its size, modification time or identity (inode). A file that changes while it is hashed is
 * hashed again.
 *
 * <p>Thread-safe.
 */
final class FileHashes implements AutoCloseable {

    private static final int BUFFER = 1 << 20;
    private static final int ATTEMPTS = 3;

    /**
     * What a file looked like when it was hashed.
     *
     * @param size its size
     * @param modified its modification time, in nanoseconds
     * @param key its identity on the file system, when it has one
     */
    record Stat(long size, long modified, Object key) {

        Stat {
            Objects.requireNonNull(key, "key");
        }

        static Stat of(Path file) throws IOException {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new IOException(file + " is not a regular file");
            }
            Object key = attributes.fileKey();
            return new Stat(attributes.size(), attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    key == null ? file.toString() : key);
        }
    }

    /**
     * A file's hash, with the stat it was computed for.
     *
     * @param stat the file when it was hashed
     * @param sha256 the hash, lower-case hexadecimal
     */
    record Hashed(Stat stat, String sha256) {}

    private final Map<Path, Hashed> cache = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));

    FileHashes(int threads) {
        var count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> Thread.ofPlatform()
                .name("plinth-payload-hash-" + count.incrementAndGet()).daemon().unstarted(runnable));
    }

    /**
     * The hashes of files as they are now: those unchanged since they were hashed from the cache, the others hashed
     * in parallel on the pool.
     *
     * @param files real paths
     * @param hashed told the bytes of each file hashed (not those found in the cache), from the pool's threads
     * @param toHash told, before any work, how many bytes will be hashed
     * @return each file's hash
     * @throws IOException when a file cannot be read
     * @throws InterruptedException when interrupted while waiting
     */
    Map<Path, Hashed> hash(List<Path> files, LongConsumer toHash, LongConsumer hashed)
            throws IOException, InterruptedException {
        var result = new HashMap<Path, Hashed>();
        var missing = new ArrayList<Path>();
        long bytes = 0;
        for (Path file : files) {
            Stat stat = Stat.of(file);
            Hashed known = cache.get(file);
            if (known != null && known.stat().equals(stat)) {
                result.put(file, known);
            } else {
                missing.add(file);
                bytes += stat.size();
            }
        }
        if (missing.isEmpty()) {
            return result;
        }
        toHash.accept(bytes);
        var futures = new ArrayList<Future<Hashed>>(missing.size());
        for (Path file : missing) {
            futures.add(pool.submit(() -> compute(file, hashed)));
        }
        for (int i = 0; i < missing.size(); i++) {
            try {
                Hashed computed = futures.get(i).get();
                cache.put(missing.get(i), computed);
                result.put(missing.get(i), computed);
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(false));
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
        return result;
    }

    /**
     * The hash kept for a file, if it has not changed since.
     *
     * @param file a real path
     * @return its hash, empty when never hashed or changed since
     * @throws IOException when it cannot be read
     */
    Optional<Hashed> current(Path file) throws IOException {
        Hashed known = cache.get(file);
        return known != null && known.stat().equals(Stat.of(file)) ? Optional.of(known) : Optional.empty();
    }

    /** Forgets every hash of files below a folder (its resource is gone). */
    void forget(Path folder) {
        cache.keySet().removeIf(path -> path.startsWith(folder));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private Hashed compute(Path file, LongConsumer hashed) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Stat before = Stat.of(file);
            String sha256 = sha256(file, hashed);
            Stat after = Stat.of(file);
            if (before.equals(after)) {
                return new Hashed(after, sha256);
            }
            if (attempt == ATTEMPTS) {
                throw new IOException(file + " kept changing while it was hashed");
            }
        }
    }

    private String sha256(Path file, LongConsumer hashed) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
        ByteBuffer buffer = buffers.get();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                buffer.flip();
                digest.update(buffer);
                hashed.accept(read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
