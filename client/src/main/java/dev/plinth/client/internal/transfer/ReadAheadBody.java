package dev.plinth.client.internal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as an {@link InputStream} that keeps the connection reading ahead: it asks the HTTP client for
 * {@value #AHEAD} chunks at once and for more each time half of them are read, where
 * {@link HttpResponse.BodyHandlers#ofInputStream()} asks for one chunk at a time, so that the connection pauses and
 * its selector is woken again after every chunk (a transfer of many small files spent a fifth of the client's time
 * there). At most {@value #AHEAD} chunks wait in memory.
 *
 * <p>The subscriber side is called by the HTTP client's threads; the stream is read by one thread.
 */
final class ReadAheadBody implements HttpResponse.BodySubscriber<InputStream> {

    /** How many chunks (lists of buffers, as the connection read them) may be asked for and not read yet. */
    static final int AHEAD = 8;

    /** What arrived: buffers, the end, or a failure. */
    private sealed interface Arrival {
        record Chunk(List<ByteBuffer> buffers) implements Arrival {}

        record End() implements Arrival {}

        record Failed(Throwable cause) implements Arrival {}
    }

    private final BlockingQueue<Arrival> arrivals = new ArrayBlockingQueue<>(AHEAD + 2);
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private final Stream stream = new Stream();

    /** {@return a body handler whose bodies read ahead} */
    static HttpResponse.BodyHandler<InputStream> handler() {
        return info -> new ReadAheadBody();
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(stream);
    }

    @Override
    public void onSubscribe(Flow.Subscription granted) {
        if (!subscription.complete(granted)) {
            granted.cancel();
            return;
        }
        granted.request(AHEAD);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrivals.add(new Arrival.Chunk(item)); // never full: no more chunks are asked for than it holds
    }

    @Override
    public void onError(Throwable throwable) {
        arrivals.add(new Arrival.Failed(throwable));
    }

    @Override
    public void onComplete() {
        arrivals.add(new Arrival.End());
    }

    /** The reading side. */
    private final class Stream extends InputStream {
        private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
        private ByteBuffer current = ByteBuffer.allocate(0);
        private int taken;
        private boolean ended;
        private boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, length, into.length);
            if (closed) {
                throw new IOException("the response body is closed");
            }
            if (length == 0) {
                return 0;
            }
            while (!current.hasRemaining()) {
                if (buffers.hasNext()) {
                    current = buffers.next();
                    continue;
                }
                if (ended || !next()) {
                    return -1;
                }
            }
            int count = Math.min(length, current.remaining());
            current.get(into, offset, count);
            return count;
        }

        /** Takes the next chunk, asking for more when half of what was asked for is read; false at the end. */
        private boolean next() throws IOException {
            Arrival arrival;
            try {
                arrival = arrivals.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new InterruptedIOException("interrupted while reading the response body");
            }
            switch (arrival) {
                case Arrival.Chunk chunk -> {
                    buffers = chunk.buffers().iterator();
                    if (++taken == AHEAD / 2) {
                        taken = 0;
                        subscription.join().request(AHEAD / 2);
                    }
                    return true;
                }
                case Arrival.End end -> {
                    ended = true;
                    return false;
                }
                case Arrival.Failed failed -> {
                    ended = true;
                    throw failed.cause() instanceof IOException io ? io : new IOException(failed.cause());
                }
            }
        }

        @Override
        public int available() {
            return current.remaining();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                subscription.thenAccept(Flow.Subscription::cancel);
                arrivals.clear();
            }
        }
    }
}
