package dev.plinth.client.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.client.protocol.PayloadListing;
import dev.plinth.client.protocol.Protocol;
import dev.plinth.client.protocol.SocketMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferTest {

    @TempDir
    Path folder;

    private PayloadServer server;
    private final List<Map.Entry<String, Map<String, Object>>> events = new CopyOnWriteArrayList<>();
    private final List<SocketMessage.Transfer> reports = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new PayloadServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PayloadListing listing(String name, int files, int size) {
        var entries = new ArrayList<PayloadListing.Entry>();
        var random = new Random(name.hashCode());
        for (int i = 0; i < files; i++) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            entries.add(server.add("assets/" + i + ".bin", content, true));
        }
        return new PayloadListing(name, "script", "1.2.0", "", "", List.of(), "h-" + name, entries, List.of(), null);
    }

    private Transfer.Result run(List<PayloadListing> listings) throws IOException {
        var cache = new FileCache(folder);
        var transfer = new Transfer("alice", PayloadServer.TOKEN, new Downloads(server.api(), cache,
                OptionalLong.empty()), cache, (name, payload) -> events.add(Map.entry(name, payload)), reports::add,
                new ProgressView(lines::add, false));
        return transfer.run(listings);
    }

    private List<String> names() {
        return events.stream().map(Map.Entry::getKey).distinct().toList();
    }

    private Map<String, Object> last(String name) {
        return events.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void postsTheMtadmTransferEventsWithTheirPayloads() throws IOException {
        var result = run(List.of(listing("maps", 3, 1_000), listing("hud", 2, 500)));
        assertEquals(new Transfer.Result(5, 4_000, 0, 0), result);
        assertEquals(List.of("system:resource_transfer_begin", "system:resource_transfer_cached",
                "system:resource_transfer_progress", "system:resource_transfer_complete"), names());
        assertEquals(Map.of("playerId", "alice", "receivedCount", 0L, "totalCount", 5L, "receivedBytes", 0L,
                "totalBytes", 4_000L, "lastResource", ""), last("system:resource_transfer_begin"));
        assertEquals(Map.of("playerId", "alice", "packets", List.of()), last("system:resource_transfer_cached"));
        var complete = last("system:resource_transfer_complete");
        assertEquals(5L, complete.get("receivedCount"));
        assertEquals(4_000L, complete.get("receivedBytes"));
        assertTrue(List.of("maps", "hud").contains(complete.get("lastResource")), complete.toString());
        var counts = events.stream().filter(e -> e.getKey().equals("system:resource_transfer_progress"))
                .map(e -> (Long) e.getValue().get("receivedCount")).collect(Collectors.toSet());
        assertTrue(counts.containsAll(List.of(1L, 2L, 3L, 4L, 5L)), "a progress event as each file ends: " + counts);
        assertTrue(reports.getLast().complete());
        assertEquals(5, reports.getLast().receivedCount());
    }

    @Test
    void progressCountsNeverGoBack() throws IOException {
        run(List.of(listing("big", 40, 20_000)));
        long previous = -1;
        for (var event : events) {
            if (event.getKey().equals("system:resource_transfer_progress")) {
                long received = (Long) event.getValue().get("receivedBytes");
                assertTrue(received >= previous, "received bytes went from " + previous + " to " + received);
                previous = received;
            }
        }
        assertEquals(800_000L, previous);
    }

    @Test
    void aWarmCacheTransfersNothingAndListsWhatItHad() throws IOException {
        var maps = listing("maps", 3, 1_000);
        run(List.of(maps));
        events.clear();
        int requests = server.requests.size();
        var result = run(List.of(maps));
        assertEquals(new Transfer.Result(0, 0, 3, 0), result);
        assertEquals(requests, server.requests.size(), "no request at all");
        @SuppressWarnings("unchecked")
        var packets = (List<Map<String, Object>>) last("system:resource_transfer_cached").get("packets");
        assertEquals(3, packets.size());
        assertEquals(Map.of("name", "maps:assets/0.bin", "hash", maps.files().getFirst().hash(), "resourceType",
                "script", "version", "1.2.0"), packets.getFirst());
        assertEquals(0L, last("system:resource_transfer_complete").get("totalCount"));
    }

    @Test
    void aFileSharedByTwoResourcesDownloadsOnce() throws IOException {
        var one = listing("one", 2, 1_000);
        var two = new PayloadListing("two", "script", "1.0.0", "", "", List.of(), "h-two", one.files(), List.of(),
                null);
        var result = run(List.of(one, two));
        assertEquals(2, result.downloadedFiles());
    }

    @Test
    void smallFilesTravelInBatchesAndLargeOnesAlone() {
        var small = new PayloadListing.Entry("s", 1_000_000, "a".repeat(64), true, "asset");
        var large = new PayloadListing.Entry("l", Transfer.BATCH_BYTES, "b".repeat(64), true, "asset");
        var items = List.of(new Needed("r", small), new Needed("r", large), new Needed("r", small),
                new Needed("r", small), new Needed("r", small));
        assertEquals(List.of(List.of(items.get(1)), List.of(items.get(0), items.get(2), items.get(3)),
                List.of(items.get(4))), Transfer.batches(items));
    }

    @Test
    void aBatchHoldsAtMostTheProtocolsFileCount() {
        var tiny = new ArrayList<Needed>();
        for (int i = 0; i < Protocol.MAX_BATCH_FILES + 1; i++) {
            tiny.add(new Needed("r", new PayloadListing.Entry("f" + i, 1, String.format("%064x", i), true, "a")));
        }
        var batches = Transfer.batches(tiny);
        assertEquals(List.of(Protocol.MAX_BATCH_FILES, 1), batches.stream().map(List::size).toList());
    }
}
