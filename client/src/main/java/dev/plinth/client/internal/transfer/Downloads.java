package dev.plinth.client.internal.transfer;

import dev.plinth.client.ClientException;
import dev.plinth.client.protocol.PayloadListing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * Downloads one file by hash and verifies it: a file clients may cache goes to {@code DIR/<hash>.part} first and
 * resumes from what that holds ({@code Range}, guarded by {@code If-Range}), then becomes {@code DIR/<hash>} once its
 * size and SHA-256 match; a file that must not be cached is kept in memory. An interrupted download is tried again
 * from where it stopped (three times), a file that fails verification once from the start.
 *
 * <p>Thread-safe: several files of one client download at once.
 */
public final class Downloads {

    private static final int ATTEMPTS = 3;
    private static final int CHUNK = 64 * 1024;

    private final ServerApi api;
    private final FileCache cache;
    private final RateCap cap;

    /**
     * What one download did.
     *
     * @param received the bytes received over the network
     * @param resumedFrom the offset it continued from, 0 for a download from the start
     */
    public record Outcome(long received, long resumedFrom) {}

    /**
     * Creates the downloads of one client.
     *
     * @param api the server
     * @param cache the client's files
     * @param maxBytesPerSecond the client's rate cap, if any
     */
    public Downloads(ServerApi api, FileCache cache, OptionalLong maxBytesPerSecond) {
        this.api = api;
        this.cache = cache;
        this.cap = maxBytesPerSecond.isPresent() ? new RateCap(maxBytesPerSecond.getAsLong()) : null;
    }

    /**
     * Downloads one file.
     *
     * @param token the session
     * @param resource the file's resource, for messages
     * @param entry the file
     * @param received told each chunk's size as it arrives
     * @return what was received
     * @throws ClientException when the server no longer has it (404), or it fails verification twice, or the
     *     network fails three times
     */
    public Outcome fetch(String token, String resource, PayloadListing.Entry entry, LongConsumer received) {
        String what = resource + ":" + entry.path();
        boolean restarted = false;
        long total = 0;
        long firstOffset = -1;
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS + 1; attempt++) {
            try {
                Partial partial = entry.cache() ? new OnDisk(cache.part(entry.hash())) : new InMemory();
                try {
                    long offset = partial.offset(entry.size());
                    if (firstOffset < 0) {
                        firstOffset = offset;
                    }
                    HttpResponse<InputStream> response = api.file(token, entry.hash(), offset);
                    switch (response.statusCode()) {
                        case 200 -> partial.restart();
                        case 206 -> { }
                        case 416 -> {
                            response.body().close();
                            partial.restart();
                            partial.close();
                            continue;
                        }
                        case 404 -> {
                            response.body().close();
                            throw new ClientException(what + ": the server no longer sends it (it changed or stopped)");
                        }
                        default -> {
                            response.body().close();
                            throw new ClientException(what + ": the server answered " + response.statusCode());
                        }
                    }
                    total += copy(response.body(), partial, received);
                    if (partial.size() != entry.size() || !partial.sha256().equals(entry.hash())) {
                        partial.restart();
                        partial.close();
                        if (restarted) {
                            throw new ClientException(what + ": what the server sent does not match its SHA-256 "
                                    + entry.hash() + " (" + entry.size() + " bytes), twice");
                        }
                        restarted = true;
                        continue;
                    }
                    partial.close();
                    if (entry.cache()) {
                        cache.commit(entry.hash());
                    } else {
                        cache.keep(entry.hash(), ((InMemory) partial).bytes());
                    }
                    return new Outcome(total, Math.max(0, firstOffset));
                } finally {
                    partial.close();
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw new ClientException(what + ": the download failed " + ATTEMPTS + " times: "
                + (last == null ? "no answer" : last.getMessage()), last);
    }

    private long copy(InputStream body, Partial partial, LongConsumer received) throws IOException {
        long count = 0;
        try (InputStream in = body) {
            byte[] buffer = new byte[CHUNK];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                if (cap != null) {
                    cap.take(read);
                }
                partial.write(buffer, read);
                count += read;
                received.accept(read);
            }
        }
        return count;
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

    /** Where a download's bytes go as they arrive, hashed on the way. */
    private sealed interface Partial extends AutoCloseable permits OnDisk, InMemory {
        /** The offset to resume from (the bytes held, unless more than the file). */
        long offset(long size) throws IOException;

        /** Drops what is held: the download starts over. */
        void restart() throws IOException;

        void write(byte[] bytes, int length) throws IOException;

        long size();

        String sha256();

        @Override
        void close() throws IOException;
    }

    /** A {@code .part} file: resumable across sessions. */
    private static final class OnDisk implements Partial {
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
        public void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }

    /** Memory, for a file that must not be cached: it starts over each session. */
    private static final class InMemory implements Partial {
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

        byte[] bytes() {
            return out.toByteArray();
        }

        @Override
        public void close() {
            // memory
        }
    }
}
