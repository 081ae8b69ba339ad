package dev.plinth.client.internal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client's files by hash: the cache folder ({@code DIR/<sha256>} for the files clients may keep,
 * {@code DIR/<sha256>.part} for a larger download under way, so a killed transfer resumes) and, for the files that
 * must not be kept ({@code cache: false}), memory for this session only. A cached file is verified (size and SHA-256)
 * before it is trusted, once per session.
 *
 * <p>A file appears under its name whole or not at all, so that clients sharing one folder (two players on one
 * machine) never read each other's half-written file: a small file received whole is written under a name of its
 * own writer in the folder's {@code .tmp} folder ({@code DIR/.tmp/<sha256>.<writer>.tmp}) and moved onto its name in
 * one step, as a verified {@code .part} is. The temporary names live in a folder of their own, made when the first
 * is written, so that creating a temporary file and moving it away look names up in that small folder, and only
 * the move onto its name touches the folder of every cached file (creating files is most of what a transfer of many
 * small files costs the client). A writer killed between the two leaves its {@code .tmp}, which the next cache opened
 * on the folder deletes once it is an hour old.
 *
 * <p>Thread-safe.
 */
public final class FileCache {

    /** How old a writer's {@code .tmp} must be before another cache takes it for abandoned. */
    static final Duration ABANDONED = Duration.ofHours(1);
    private static final String TEMPORARY = ".tmp";
    /** The folder of the writers' temporary files, inside the cache folder. */
    static final String TEMPORARY_FOLDER = ".tmp";
    private static final String PART = ".part";

    private final Path folder;
    private final Path temporaries;
    private final Map<String, byte[]> memory = new ConcurrentHashMap<>();
    private final Map<String, FileTime> verified = new ConcurrentHashMap<>();
    /** This cache's part of its writers' temporary names: random, so that other processes' caches never share it. */
    private final String writer = Long.toUnsignedString(new SecureRandom().nextLong(), 36);
    private final AtomicLong writes = new AtomicLong();

    /**
     * Opens a cache folder, deleting the temporary files of writers that were killed (an hour old or more).
     *
     * @param folder the folder, created when missing
     * @throws IOException when it cannot be created or listed
     */
    public FileCache(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.temporaries = this.folder.resolve(TEMPORARY_FOLDER);
        if (!Files.isDirectory(temporaries)) {
            return; // no writer has used the folder yet
        }
        FileTime abandoned = FileTime.from(Instant.now().minus(ABANDONED));
        try (DirectoryStream<Path> temporary = Files.newDirectoryStream(temporaries, "*" + TEMPORARY)) {
            for (Path file : temporary) {
                try {
                    if (Files.getLastModifiedTime(file).compareTo(abandoned) < 0) {
                        Files.deleteIfExists(file);
                    }
                } catch (NoSuchFileException e) {
                    // its writer moved it onto its name meanwhile
                }
            }
        }
    }

    /** {@return the folder} */
    public Path folder() {
        return folder;
    }

    /**
     * The names in the folder, as one listing of it shows them: what a transfer checks its files against, instead of
     * looking for each file and each {@code .part} on its own (two lookups of a missing file per file, which a cold
     * cache of 1,000 files pays 2,000 times).
     *
     * @param names the file names
     */
    public record Listing(Set<String> names) {

        /** Copies the names. */
        public Listing {
            names = Set.copyOf(names);
        }

        /**
         * Whether the folder held a file of this hash: worth {@link FileCache#has verifying}.
         *
         * @param hash a SHA-256
         * @return whether {@code DIR/<hash>} was there
         */
        public boolean holds(String hash) {
            return names.contains(hash);
        }

        /**
         * Whether the folder held a partial download of this hash: worth resuming.
         *
         * @param hash a SHA-256
         * @return whether {@code DIR/<hash>.part} was there
         */
        public boolean holdsPart(String hash) {
            return names.contains(hash + PART);
        }
    }

    /**
     * Lists the folder once. Files other writers add afterwards are not in it: a transfer downloads them again, and
     * starts a {@code .part} another writer began from the start (it is checked again when written).
     *
     * @return the names it holds now
     * @throws IOException when it cannot be listed
     */
    public Listing list() throws IOException {
        var names = new HashSet<String>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        }
        return new Listing(names);
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
        return folder.resolve(hash + PART);
    }

    /**
     * Makes a verified partial download the cached file, in one step.
     *
     * @param hash the file's hash
     * @throws IOException when it cannot be moved
     */
    public void commit(String hash) throws IOException {
        moveOntoName(part(hash), hash);
        verified.put(hash, Files.getLastModifiedTime(folder.resolve(hash)));
    }

    /**
     * Writes a verified file (a small file received whole): into a temporary file of this writer, then moved onto its
     * name in one step, so that no reader ever sees part of it under its name. Its bytes were verified in memory; it is
     * not looked at again (a later {@link #has} of this session hashes it once, as it does any file it has not seen).
     *
     * @param hash its hash
     * @param content its verified bytes, from the start of the array (which the caller may reuse once this returns)
     * @param length how many bytes it has
     * @throws IOException when it cannot be written
     */
    public void store(String hash, byte[] content, int length) throws IOException {
        Path temporary = temporaries.resolve(hash + "." + writer + "-" + writes.incrementAndGet() + TEMPORARY);
        try {
            try (FileChannel channel = create(temporary)) {
                ByteBuffer bytes = ByteBuffer.wrap(content, 0, length);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
            moveOntoName(temporary, hash);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Creates a temporary file, and the folder of temporary files when it is the first (or was deleted). */
    private FileChannel create(Path temporary) throws IOException {
        try {
            return FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(temporaries);
            return FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** Moves a whole, verified file onto its name in one step (replacing what another writer put there). */
    private void moveOntoName(Path whole, String hash) throws IOException {
        Path target = folder.resolve(hash);
        try {
            Files.move(whole, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(whole, target, StandardCopyOption.REPLACE_EXISTING);
        }
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
