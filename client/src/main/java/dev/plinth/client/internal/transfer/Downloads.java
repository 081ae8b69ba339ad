package dev.plinth.client.internal.transfer;

import dev.plinth.client.ClientException;
import dev.plinth.client.protocol.BatchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Downloads files and verifies them. A file clients may cache goes to {@code DIR/<hash>.part} first and resumes from
 * what that holds, then becomes {@code DIR/<hash>} once its size and SHA-256 match; a file that must not be cached is
 * kept in memory.
 *
 * <ul>
 *   <li>{@link #fetch} downloads one file ({@code GET /plinth/files/HASH}, a {@code Range} guarded by
 *       {@code If-Range} to resume): an interrupted download is tried again from where it stopped (three times), a
 *       file that fails verification once from the start;</li>
 *   <li>{@link #fetchBatch} downloads many in one answer ({@code POST /plinth/batch}), each from what its
 *       {@code .part} holds, each verified as it ends (a small file sent whole is received in memory, verified, and
 *       written once, see {@link FileCache#store}, without a {@code .part}); it gives back what it could not finish (a broken
 *       connection, a file that failed verification, a refused batch), for {@link #fetch} to finish one by one with
 *       its retries, resumes and messages.</li>
 * </ul>
 *
 * <p>Thread-safe: several downloads of one client run at once.
 */
public final class Downloads {

    private static final int ATTEMPTS = 3;
    /**
     * Files up to this size that a batch sends whole are received in memory, verified, then written once
     * ({@link FileCache#store}): no {@code .part} to open, append to and read back (creating files is most of what a
     * transfer of many small files costs).
     */
    static final int WHOLE_FILE_BYTES = 256 * 1024;

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
     * @param needed the file
     * @param received told each chunk's size as it arrives
     * @return what was received
     * @throws ClientException when the server no longer has it (404), or it fails verification twice, or the
     *     network fails three times
     */
    public Outcome fetch(String token, Needed needed, LongConsumer received) {
        var entry = needed.entry();
        String what = needed.what();
        boolean restarted = false;
        var total = new AtomicLong(); // every byte that came, broken attempts' too
        LongConsumer counted = n -> {
            total.addAndGet(n);
            received.accept(n);
        };
        long firstOffset = -1;
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS + 1; attempt++) {
            try (Partial partial = Partial.of(cache, entry)) {
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
                try (InputStream in = response.body()) {
                    copy(in, partial, Long.MAX_VALUE, new byte[Partial.CHUNK], counted);
                }
                if (!partial.holds(entry)) {
                    partial.restart();
                    if (restarted) {
                        throw new ClientException(what + ": what the server sent does not match its SHA-256 "
                                + entry.hash() + " (" + entry.size() + " bytes), twice");
                    }
                    restarted = true;
                    continue;
                }
                partial.finish(cache, entry);
                return new Outcome(total.get(), Math.max(0, firstOffset));
            } catch (IOException e) {
                last = e;
            }
        }
        throw new ClientException(what + ": the download failed " + ATTEMPTS + " times: "
                + (last == null ? "no answer" : last.getMessage()), last);
    }

    /**
     * Downloads many files in one answer, each verified as it ends; gives back the ones it could not finish.
     *
     * @param token the session
     * @param batch the files, different hashes, at most {@link dev.plinth.client.protocol.Protocol#MAX_BATCH_FILES}
     * @param received told each chunk's size as it arrives
     * @param done told each file verified and kept, with what it took
     * @return the files still missing, in order: none when all went well; a partial download of the one under way
     *     stays in its {@code .part}, so the next attempt resumes it
     * @throws ClientException when the cache cannot be written
     */
    public List<Needed> fetchBatch(String token, List<Needed> batch, LongConsumer received,
            BiConsumer<Needed, Outcome> done) {
        return fetchBatch(token, batch, hash -> true, received, done);
    }

    /**
     * Downloads many files in one answer, like {@link #fetchBatch(String, List, LongConsumer, BiConsumer)}, looking
     * for partial downloads to resume only where a listing of the cache saw one ({@link FileCache.Listing#holdsPart}).
     *
     * @param token the session
     * @param batch the files, different hashes, at most {@link dev.plinth.client.protocol.Protocol#MAX_BATCH_FILES}
     * @param parts whether a {@code .part} of a hash may be there
     * @param received told each chunk's size as it arrives
     * @param done told each file verified and kept, with what it took
     * @return the files still missing, in order
     * @throws ClientException when the cache cannot be written
     */
    public List<Needed> fetchBatch(String token, List<Needed> batch, Predicate<String> parts, LongConsumer received,
            BiConsumer<Needed, Outcome> done) {
        var offsets = new long[batch.size()];
        var wanted = new ArrayList<BatchRequest.Wanted>(batch.size());
        try {
            for (int i = 0; i < batch.size(); i++) {
                var entry = batch.get(i).entry();
                offsets[i] = parts.test(entry.hash()) ? Partial.resumable(cache, entry) : 0;
                wanted.add(new BatchRequest.Wanted(entry.hash(), offsets[i]));
            }
        } catch (IOException e) {
            throw new ClientException("the cache " + cache.folder() + " cannot be read: " + e.getMessage(), e);
        }
        var left = new ArrayList<Needed>();
        int next = 0;
        byte[] buffer = new byte[Partial.CHUNK];
        byte[] whole = null; // one for the batch's whole files, made at the first, as large as the largest
        MessageDigest digest = Partial.newDigest(); // one for the batch's whole files: digest() resets it
        try {
            HttpResponse<InputStream> response = api.batch(token, new BatchRequest(wanted));
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    return List.copyOf(batch); // refused: the files one by one say why
                }
                for (; next < batch.size(); next++) {
                    Needed needed = batch.get(next);
                    var entry = needed.entry();
                    boolean sentWhole = offsets[next] == 0 && entry.size() <= WHOLE_FILE_BYTES;
                    if (sentWhole && whole == null) {
                        whole = new byte[largestWhole(batch, offsets)];
                    }
                    if (!(sentWhole ? receiveWhole(in, needed, whole, digest, received, done, left)
                            : receivePartial(in, needed, offsets[next], buffer, received, done, left))) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            // the connection broke: what is left resumes one by one
        }
        left.addAll(batch.subList(next, batch.size()));
        return left;
    }

    /** {@return the size of the largest file of a batch that it sends whole} */
    private static int largestWhole(List<Needed> batch, long[] offsets) {
        long largest = 0;
        for (int i = 0; i < batch.size(); i++) {
            long size = batch.get(i).entry().size();
            if (offsets[i] == 0 && size <= WHOLE_FILE_BYTES) {
                largest = Math.max(largest, size);
            }
        }
        return (int) largest;
    }

    /**
     * A small file the batch sends whole: read into memory and hashed, then written once under its name (or kept in
     * memory); one that fails verification is left for {@link #fetch}. The batch's whole files are read into one
     * array, each over the previous one (a new array per file was about half of what a transfer of many small files
     * allocated, the HTTP client's buffers the other half); a file kept in memory gets a copy of its own.
     *
     * @param content the batch's array for whole files, as large as the largest
     * @param digest a SHA-256 digest, reset
     * @return whether the answer goes on after it (false: it ended early, nothing of the file was kept)
     */
    private boolean receiveWhole(InputStream in, Needed needed, byte[] content, MessageDigest digest,
            LongConsumer received, BiConsumer<Needed, Outcome> done, List<Needed> left) throws IOException {
        var entry = needed.entry();
        int size = (int) entry.size();
        int got = 0;
        while (got < size) {
            int read = in.read(content, got, size - got);
            if (read < 0) {
                return false;
            }
            if (cap != null) {
                cap.take(read);
            }
            got += read;
            received.accept(read);
        }
        digest.update(content, 0, size);
        if (!HexFormat.of().formatHex(digest.digest()).equals(entry.hash())) {
            left.add(needed);
            return true;
        }
        if (entry.cache()) {
            cache.store(entry.hash(), content, size);
        } else {
            cache.keep(entry.hash(), Arrays.copyOf(content, size));
        }
        done.accept(needed, new Outcome(got, 0));
        return true;
    }

    /**
     * A file received into its {@code .part}, from what that holds; verified as it ends.
     *
     * @return whether the answer goes on after it (false: it ended early or no longer lines up; the {@code .part}
     *     keeps what came)
     */
    private boolean receivePartial(InputStream in, Needed needed, long offset, byte[] buffer, LongConsumer received,
            BiConsumer<Needed, Outcome> done, List<Needed> left) throws IOException {
        var entry = needed.entry();
        try (Partial partial = Partial.of(cache, entry)) {
            if (partial.offset(entry.size()) != offset) {
                return false; // the .part changed since the batch was asked for: the stream no longer lines up
            }
            long length = entry.size() - offset;
            long got = copy(in, partial, length, buffer, received);
            if (got != length) {
                return false;
            }
            if (partial.holds(entry)) {
                partial.finish(cache, entry);
                done.accept(needed, new Outcome(got, offset));
            } else {
                partial.restart();
                left.add(needed);
            }
            return true;
        }
    }

    /** Copies at most {@code limit} bytes; {@return how many} */
    private long copy(InputStream in, Partial partial, long limit, byte[] buffer, LongConsumer received)
            throws IOException {
        long count = 0;
        while (count < limit) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - count));
            if (read < 0) {
                break;
            }
            if (cap != null) {
                cap.take(read);
            }
            partial.write(buffer, read);
            count += read;
            received.accept(read);
        }
        return count;
    }
}
