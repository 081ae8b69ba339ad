package dev.plinth.client.internal.transfer;

import dev.plinth.client.ClientException;
import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.client.protocol.SocketMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One transfer: the files of some resources' listings, each hash once. What the cache has is announced in
 * {@code system:resource_transfer_cached}; the rest downloads in batches ({@link #batches}: many small files in one
 * answer, a large file alone, see {@link Downloads}), {@value #PARALLEL} batches at a time, between
 * {@code system:resource_transfer_begin} and {@code system:resource_transfer_complete}, with
 * {@code system:resource_transfer_progress} after each file and at most {@value #PROGRESS_PER_SECOND} times a second
 * meanwhile (MTADM's payloads: {@code playerId, receivedCount, totalCount, receivedBytes, totalBytes, lastResource}).
 * The server hears where it stands at most twice a second, and at the end.
 *
 * <p>Not thread-safe: one thread runs a transfer; its downloads run on virtual threads.
 */
public final class Transfer {

    static final int PARALLEL = 6;
    static final long BATCH_BYTES = 2L << 20;
    static final int PROGRESS_PER_SECOND = 4;
    private static final long REPORT_NANOS = 500_000_000L;
    private static final long PROGRESS_NANOS = 1_000_000_000L / PROGRESS_PER_SECOND;

    private final String player;
    private final String token;
    private final Downloads downloads;
    private final FileCache cache;
    private final BiConsumer<String, Map<String, Object>> post;
    private final Consumer<SocketMessage.Transfer> report;
    private final ProgressView view;

    /**
     * What a transfer did.
     *
     * @param downloadedFiles files downloaded
     * @param downloadedBytes bytes received
     * @param cachedFiles files found in the cache
     * @param resumedFiles downloads that continued a partial one
     */
    public record Result(long downloadedFiles, long downloadedBytes, long cachedFiles, long resumedFiles) {}

    /**
     * Prepares a transfer.
     *
     * @param player the player, MTADM's {@code playerId}
     * @param token the session
     * @param downloads the client's downloads
     * @param cache the client's files
     * @param post posts an event on the client's bus
     * @param report tells the server where the transfer stands
     * @param view shows the progress to the user
     */
    public Transfer(String player, String token, Downloads downloads, FileCache cache,
            BiConsumer<String, Map<String, Object>> post, Consumer<SocketMessage.Transfer> report, ProgressView view) {
        this.player = player;
        this.token = token;
        this.downloads = downloads;
        this.cache = cache;
        this.post = post;
        this.report = report;
        this.view = view;
    }

    /**
     * Makes every file of these listings available.
     *
     * @param listings the resources
     * @return what it did
     * @throws ClientException when a file cannot be downloaded or fails verification
     */
    public Result run(List<PayloadListing> listings) {
        var needed = new LinkedHashMap<String, Needed>();
        var cached = new ArrayList<Map<String, Object>>();
        FileCache.Listing present;
        try {
            present = cache.list();
            for (PayloadListing listing : listings) {
                for (PayloadListing.Entry entry : listing.files()) {
                    if (needed.containsKey(entry.hash())) {
                        continue;
                    }
                    // Memory (cache: false) or a file the listing saw: verified; anything else is missing.
                    if ((!entry.cache() || present.holds(entry.hash())) && cache.has(entry.hash(), entry.size())) {
                        cached.add(packet(listing, entry));
                        continue;
                    }
                    needed.put(entry.hash(), new Needed(listing.name(), entry));
                }
            }
        } catch (IOException e) {
            throw new ClientException("the cache " + cache.folder() + " cannot be read: " + e.getMessage(), e);
        }
        long totalBytes = needed.values().stream().mapToLong(i -> i.entry().size()).sum();
        var state = new State(needed.size(), totalBytes);
        post.accept("system:resource_transfer_begin", state.payload(""));
        report.accept(state.report("", false));
        var packets = new LinkedHashMap<String, Object>();
        packets.put("playerId", player);
        packets.put("packets", List.copyOf(cached));
        post.accept("system:resource_transfer_cached", packets);
        view.begin(needed.size(), totalBytes, cached.size());
        var resumed = new AtomicLong();
        if (!needed.isEmpty()) {
            download(List.copyOf(needed.values()), present, state, resumed);
        }
        post.accept("system:resource_transfer_complete", state.payload(state.last.get()));
        report.accept(state.report(state.last.get(), true));
        view.complete(state.files.get(), state.bytes.get());
        return new Result(needed.size(), state.bytes.get(), cached.size(), resumed.get());
    }

    private void download(List<Needed> items, FileCache.Listing present, State state, AtomicLong resumed) {
        var slots = new Semaphore(PARALLEL);
        var futures = new ArrayList<Future<?>>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<Needed> batch : batches(items)) {
                futures.add(threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        downloadBatch(batch, present, state, resumed);
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    throw e.getCause() instanceof ClientException c ? c
                            : new ClientException("a download failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(f -> f.cancel(true));
                    throw new ClientException("the transfer was interrupted", e);
                }
            }
        }
    }

    /**
     * The files in batches, in order: small files together up to {@value #BATCH_BYTES} bytes or
     * {@link Protocol#MAX_BATCH_FILES} files a batch, a file of {@value #BATCH_BYTES} bytes or more alone.
     *
     * @param items the files
     * @return the batches
     */
    static List<List<Needed>> batches(List<Needed> items) {
        var batches = new ArrayList<List<Needed>>();
        var current = new ArrayList<Needed>();
        long bytes = 0;
        for (Needed item : items) {
            if (item.entry().size() >= BATCH_BYTES) {
                batches.add(List.of(item));
                continue;
            }
            current.add(item);
            bytes += item.entry().size();
            if (bytes >= BATCH_BYTES || current.size() == Protocol.MAX_BATCH_FILES) {
                batches.add(List.copyOf(current));
                current.clear();
                bytes = 0;
            }
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }

    /** One batch: in one answer when it holds several files, then what that left one by one. */
    private void downloadBatch(List<Needed> batch, FileCache.Listing present, State state, AtomicLong resumed) {
        LongConsumer received = bytes -> {
            state.bytes.addAndGet(bytes);
            state.maybeProgress(state.last.get(), false);
        };
        BiConsumer<Needed, Downloads.Outcome> done = (item, outcome) -> {
            if (outcome.resumedFrom() > 0) {
                resumed.incrementAndGet();
                view.line("resumed " + item.what() + " from " + ProgressView.bytes(outcome.resumedFrom()));
            }
            state.files.incrementAndGet();
            state.last.set(item.resource());
            state.maybeProgress(item.resource(), true);
        };
        List<Needed> left = batch.size() == 1 ? batch
                : downloads.fetchBatch(token, batch, present::holdsPart, received, done);
        for (Needed item : left) {
            done.accept(item, downloads.fetch(token, item, received));
        }
    }

    private static Map<String, Object> packet(PayloadListing listing, PayloadListing.Entry entry) {
        var packet = new LinkedHashMap<String, Object>();
        packet.put("name", listing.name() + ":" + entry.path());
        packet.put("hash", entry.hash());
        packet.put("resourceType", listing.resourceType());
        packet.put("version", listing.version());
        return packet;
    }

    /** Where the transfer stands, shared by its downloads. */
    private final class State {
        final long totalCount;
        final long totalBytes;
        final AtomicLong files = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicReference<String> last = new AtomicReference<>("");
        private long progressAt;
        private long reportAt;
        /** When the next progress event or report is due, read without the lock. */
        private volatile long dueAt = System.nanoTime();

        State(long totalCount, long totalBytes) {
            this.totalCount = totalCount;
            this.totalBytes = totalBytes;
        }

        Map<String, Object> payload(String lastResource) {
            var payload = new LinkedHashMap<String, Object>();
            payload.put("playerId", player);
            payload.put("receivedCount", files.get());
            payload.put("totalCount", totalCount);
            payload.put("receivedBytes", bytes.get());
            payload.put("totalBytes", totalBytes);
            payload.put("lastResource", lastResource);
            return payload;
        }

        SocketMessage.Transfer report(String lastResource, boolean complete) {
            return new SocketMessage.Transfer(files.get(), totalCount, bytes.get(), totalBytes, lastResource, complete);
        }

        /**
         * A progress event after each file, and at most a few times a second within files. Taken and posted under the
         * state's lock, so the events of parallel downloads come in order: their counts never go back.
         */
        void maybeProgress(String resource, boolean fileDone) {
            if (!fileDone && System.nanoTime() - dueAt < 0) {
                return; // within a file and nothing due: the common case, taken without the lock
            }
            progress(resource, fileDone);
        }

        private synchronized void progress(String resource, boolean fileDone) {
            long now = System.nanoTime();
            if (fileDone || now - progressAt >= PROGRESS_NANOS) {
                progressAt = now;
                post.accept("system:resource_transfer_progress", payload(resource));
                view.progress(files.get(), totalCount, bytes.get(), totalBytes, resource);
            }
            if (now - reportAt >= REPORT_NANOS) {
                reportAt = now;
                report.accept(report(resource, false));
            }
            dueAt = Math.min(progressAt + PROGRESS_NANOS, reportAt + REPORT_NANOS);
        }
    }
}
