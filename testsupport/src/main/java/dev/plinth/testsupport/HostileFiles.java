package dev.plinth.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Files an attacker drops into an instance, written quickly: a zip whose small entries unpack to gigabytes (a zip
 * bomb, optionally claiming a smaller size than it unpacks to), and a sparse file that claims gigabytes on no disk.
 *
 * <p>Not thread-safe: one {@link Zip} per thread.
 */
public final class HostileFiles {

    private static final int CHUNK = 1 << 20;

    private HostileFiles() {}

    /**
     * A sparse file: {@code size} bytes of zeros that take no room on disk (on file systems with holes).
     *
     * @param file the file to write; its folders are created
     * @param size how large it claims to be
     * @return the file
     * @throws IOException when it cannot be written
     */
    public static Path sparse(Path file, long size) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(size);
        }
        return file;
    }

    /**
     * Starts a zip.
     *
     * @param file where it is written by {@link Zip#write()}
     * @return the zip, empty
     */
    public static Zip zip(Path file) {
        return new Zip(file);
    }

    /** A zip being put together; {@link #write()} writes it. */
    public static final class Zip {

        private record Entry(String name, byte[] deflated, long crc, long size, long declaredSize) {}

        private final Path file;
        private final List<Entry> entries = new ArrayList<>();

        private Zip(Path file) {
            this.file = file;
        }

        /**
         * Adds an ordinary entry.
         *
         * @param name its path in the zip
         * @param content its text, UTF-8
         * @return this zip
         */
        public Zip entry(String name, String content) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            var crc = new CRC32();
            crc.update(bytes);
            entries.add(new Entry(name, deflate(bytes, true), crc.getValue(), bytes.length, bytes.length));
            return this;
        }

        /**
         * Adds an entry of zeros that unpacks to {@code size} bytes from about a thousandth of that.
         *
         * @param name its path in the zip
         * @param size what it unpacks to, rounded up to whole MiB, below 4 GiB
         * @param declaredSize what the zip's headers claim it unpacks to (an honest zip claims {@code size})
         * @return this zip
         */
        public Zip bomb(String name, long size, long declaredSize) {
            long chunks = (size + CHUNK - 1) / CHUNK;
            if (chunks * CHUNK >= 1L << 32 || declaredSize >= 1L << 32) {
                throw new IllegalArgumentException("a zip without ZIP64 holds less than 4 GiB per entry");
            }
            byte[] zeros = new byte[CHUNK];
            byte[] chunk = deflate(zeros, false); // ends at a full flush: chunks can follow one another
            var crc = new CRC32();
            var deflated = new ByteArrayOutputStream();
            for (long i = 0; i < chunks; i++) {
                crc.update(zeros);
                deflated.writeBytes(chunk);
            }
            deflated.writeBytes(deflate(new byte[0], true));
            entries.add(new Entry(name, deflated.toByteArray(), crc.getValue(), chunks * CHUNK,
                    declaredSize == size ? chunks * CHUNK : declaredSize));
            return this;
        }

        /**
         * Writes the zip.
         *
         * @return its path
         * @throws IOException when it cannot be written
         */
        public Path write() throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var central = new ByteArrayOutputStream();
            long offset = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                for (Entry entry : entries) {
                    byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
                    byte[] local = header(0x04034b50, entry, name, -1);
                    out.write(local);
                    out.write(entry.deflated());
                    central.writeBytes(header(0x02014b50, entry, name, offset));
                    offset += local.length + entry.deflated().length;
                }
                out.write(central.toByteArray());
                ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
                end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                        .putShort((short) entries.size()).putShort((short) entries.size())
                        .putInt(central.size()).putInt((int) offset).putShort((short) 0);
                out.write(end.array());
            }
            return file;
        }

        /** A local header (offset -1) or a central directory header. */
        private static byte[] header(int signature, Entry entry, byte[] name, long offset) {
            boolean central = offset >= 0;
            ByteBuffer header = ByteBuffer.allocate((central ? 46 : 30) + name.length).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(signature);
            if (central) {
                header.putShort((short) 20);
            }
            header.putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0)
                    .putShort((short) 0x21).putInt((int) entry.crc()).putInt(entry.deflated().length)
                    .putInt((int) entry.declaredSize()).putShort((short) name.length).putShort((short) 0);
            if (central) {
                header.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
            }
            return header.put(name).array();
        }

        /** Raw deflate: the {@code last} part ends the stream, another ends at a full flush so that more can follow. */
        private static byte[] deflate(byte[] input, boolean last) {
            var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            try {
                deflater.setInput(input);
                if (last) {
                    deflater.finish();
                }
                var out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                while (true) {
                    int n = last ? deflater.deflate(buffer) : deflater.deflate(buffer, 0, buffer.length,
                            Deflater.FULL_FLUSH);
                    out.write(buffer, 0, n);
                    if (last ? deflater.finished() : n < buffer.length && deflater.needsInput()) {
                        return out.toByteArray();
                    }
                }
            } finally {
                deflater.end();
            }
        }
    }
}
