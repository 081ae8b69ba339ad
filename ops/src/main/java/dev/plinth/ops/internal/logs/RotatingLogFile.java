package dev.plinth.ops.internal.logs;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One resource's log: {@code logs/latest.log} in its data folder, appended to line by line and flushed after each
 * entry (so {@code log:tail} sees it at once). When it would grow past the size limit it becomes {@code 1.log},
 * {@code 1.log} becomes {@code 2.log} and so on; the oldest beyond the kept count is deleted.
 *
 * <p>Not thread-safe: {@link ResourceLogFiles} writes from the Log Service's delivery thread only.
 */
final class RotatingLogFile implements AutoCloseable {

    static final String LATEST = "latest.log";

    private final Path folder;
    private final LogSettings settings;
    private Writer writer;
    private long size;

    RotatingLogFile(Path folder, LogSettings settings) {
        this.folder = folder;
        this.settings = settings;
    }

    /** {@return the file lines are appended to} */
    Path latest() {
        return folder.resolve(LATEST);
    }

    /** Appends one entry (one or more lines, each ending in a newline). */
    void append(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (writer == null) {
            open();
        }
        if (size > 0 && size + bytes.length > settings.maxBytes()) {
            rotate();
        }
        writer.write(text);
        writer.flush();
        size += bytes.length;
    }

    private void open() throws IOException {
        Files.createDirectories(folder);
        Path latest = latest();
        size = Files.exists(latest) ? Files.size(latest) : 0;
        writer = Files.newBufferedWriter(latest, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void rotate() throws IOException {
        close();
        int keep = settings.keep();
        Files.deleteIfExists(folder.resolve(keep + ".log"));
        for (int n = keep - 1; n >= 1; n--) {
            Path older = folder.resolve(n + ".log");
            if (Files.exists(older)) {
                Files.move(older, folder.resolve((n + 1) + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep > 0) {
            Files.move(latest(), folder.resolve("1.log"), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(latest());
        }
        open();
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
