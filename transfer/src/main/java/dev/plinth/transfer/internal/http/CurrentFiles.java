package dev.plinth.transfer.internal.http;

import dev.plinth.core.resource.payload.ClientPayloads;
import dev.plinth.core.resource.payload.PayloadSource;
import dev.plinth.transfer.internal.metrics.TransferCounters;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * The payload files the endpoints may send, and their sending: a file is found only by the current SHA-256 of a
 * started resource's client payload, and only while the file at its real path is still the one hashed (its size,
 * modification time and identity on the file system: a link put on the way since leads to another file, which the
 * payload no longer has until it is read again through the resource's boundary, see {@link ClientPayloads#file}); its
 * bytes go from the file's channel to the response through a reused direct buffer ({@link Sender}), counted.
 *
 * <p>Thread-safe; each response's sender uses a buffer of its own.
 */
final class CurrentFiles {

    private static final int CHUNK = 128 * 1024;
    private static final int KEPT_BUFFERS = 64;

    private final ClientPayloads payloads;
    private final TransferCounters counters;
    private final DirectBuffers buffers = new DirectBuffers(CHUNK, KEPT_BUFFERS);

    CurrentFiles(ClientPayloads payloads, TransferCounters counters) {
        this.payloads = payloads;
        this.counters = counters;
    }

    /**
     * A file by hash.
     *
     * @param hash what the client asked for, a SHA-256 ({@link dev.plinth.client.protocol.Protocol#isSha256}); anything
     *     else finds nothing too
     * @return the file, empty when no current file has that hash
     */
    Optional<PayloadSource> find(String hash) {
        return payloads.file(hash);
    }

    /**
     * Starts sending files to a response.
     *
     * @param out the response's stream
     * @return the sender, to close when the answer is whole (it sends what it still holds)
     */
    Sender sender(ServletOutputStream out) {
        return new Sender(buffers.take(), out);
    }

    /**
     * Sends files' bytes to one response through a direct buffer, several small files in one write.
     *
     * <p>Not thread-safe: one request's thread uses it.
     */
    final class Sender implements AutoCloseable {
        private final ByteBuffer buffer;
        private final ServletOutputStream out;

        private Sender(ByteBuffer buffer, ServletOutputStream out) {
            this.buffer = buffer;
            this.out = out;
        }

        /**
         * Sends bytes of a file.
         *
         * @param channel the file, opened
         * @param first the first byte
         * @param length how many
         * @throws IOException when the file ends early or the client went away
         */
        void send(FileChannel channel, long first, long length) throws IOException {
            long position = first;
            long remaining = length;
            while (remaining > 0) {
                if (!buffer.hasRemaining()) {
                    flush();
                }
                int room = buffer.remaining();
                buffer.limit(buffer.position() + (int) Math.min(room, remaining));
                int read = channel.read(buffer, position);
                buffer.limit(buffer.capacity());
                if (read < 0) {
                    throw new IOException("the file ended early");
                }
                position += read;
                remaining -= read;
                counters.bytes.add(read);
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            out.write(buffer);
            buffer.clear();
        }

        /**
         * Sends what it holds and gives its buffer back.
         *
         * @throws IOException when the client went away
         */
        @Override
        public void close() throws IOException {
            try {
                if (buffer.position() > 0) {
                    flush();
                }
            } finally {
                buffers.give(buffer);
            }
        }
    }
}
