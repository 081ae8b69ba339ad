package dev.plinth.client.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class ReadAheadBodyTest {

    /** What the body asked of its connection. */
    private static final class Connection implements Flow.Subscription {
        final List<Long> requested = new ArrayList<>();
        boolean cancelled;

        @Override
        public void request(long n) {
            requested.add(n);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        long demand() {
            return requested.stream().mapToLong(Long::longValue).sum();
        }
    }

    private static List<ByteBuffer> chunk(int first, int count) {
        var bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (first + i);
        }
        return List.of(ByteBuffer.wrap(bytes, 0, count / 2), ByteBuffer.wrap(bytes, count / 2, count - count / 2));
    }

    @Test
    void itAsksForChunksAheadAndForMoreAsHalfOfThemAreRead() throws IOException {
        var body = new ReadAheadBody();
        var connection = new Connection();
        body.onSubscribe(connection);
        InputStream in = body.getBody().toCompletableFuture().join();
        assertEquals(List.of((long) ReadAheadBody.AHEAD), connection.requested, "the connection reads ahead");

        int sent = 0;
        var expected = new java.io.ByteArrayOutputStream();
        var received = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[7];
        for (int round = 0; round < 5; round++) {
            while (sent < connection.demand()) {
                List<ByteBuffer> chunk = chunk(sent * 10, 10);
                chunk.forEach(b -> expected.write(b.array(), b.position(), b.remaining()));
                body.onNext(chunk);
                sent++;
            }
            for (int i = 0; i < ReadAheadBody.AHEAD / 2 * 10; ) {
                int read = in.read(buffer, 0, Math.min(buffer.length, ReadAheadBody.AHEAD / 2 * 10 - i));
                received.write(buffer, 0, read);
                i += read;
            }
        }
        body.onComplete();
        received.write(in.readAllBytes());

        assertArrayEquals(expected.toByteArray(), received.toByteArray(), "every byte, in order");
        assertTrue(connection.requested.stream().skip(1).allMatch(n -> n == ReadAheadBody.AHEAD / 2),
                "more is asked for by half the window: " + connection.requested);
        assertTrue(connection.demand() - sent <= ReadAheadBody.AHEAD, "never more than the window waits");
        assertEquals(-1, in.read());
    }

    @Test
    void aBrokenConnectionIsAnIoFailureOfTheReader() {
        var body = new ReadAheadBody();
        body.onSubscribe(new Connection());
        InputStream in = body.getBody().toCompletableFuture().join();
        body.onNext(chunk(0, 4));
        body.onError(new IOException("connection reset"));

        var failure = assertThrows(IOException.class, () -> in.readAllBytes());
        assertEquals("connection reset", failure.getMessage());
    }

    @Test
    void closingCancelsTheRest() throws IOException {
        var body = new ReadAheadBody();
        var connection = new Connection();
        body.onSubscribe(connection);
        InputStream in = body.getBody().toCompletableFuture().join();
        body.onNext(chunk(0, 4));
        assertEquals(0, in.read());

        in.close();

        assertTrue(connection.cancelled);
        assertThrows(IOException.class, in::read);
    }
}
