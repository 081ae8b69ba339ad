package dev.plinth.core.resource.internal.deploy;

import dev.plinth.core.resource.internal.manifest.FileTooLargeException;
import dev.plinth.core.resource.internal.manifest.ResourceFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a zipped resource. A zip made by compressing the resource folder has that folder as its one top
 * entry: its files are read from inside it.
 */
final class ZipFiles implements ResourceFiles, Closeable {

    private final ZipFile zip;
    private final String name;
    private final String prefix;

    private ZipFiles(ZipFile zip, String name, String prefix) {
        this.zip = zip;
        this.name = name;
        this.prefix = prefix;
    }

    static ZipFiles open(Path file, String name) throws IOException {
        var zip = new ZipFile(file.toFile());
        return new ZipFiles(zip, name, topFolder(zip));
    }

    /** The one folder everything is in, with its slash; empty when files lie at the root. */
    private static String topFolder(ZipFile zip) {
        List<String> names = zip.stream().map(ZipEntry::getName).toList();
        if (names.isEmpty() || !names.getFirst().contains("/")) {
            return "";
        }
        String top = names.getFirst().substring(0, names.getFirst().indexOf('/') + 1);
        return names.stream().allMatch(n -> n.startsWith(top)) ? top : "";
    }

    /** The path of an entry relative to the resource root, or null for entries outside it and folders. */
    String relative(ZipEntry entry) {
        String entryName = entry.getName();
        if (entry.isDirectory() || !entryName.startsWith(prefix) || entryName.length() == prefix.length()
                || List.of(entryName.split("/")).contains("..")) {
            return null;
        }
        return entryName.substring(prefix.length());
    }

    ZipFile zip() {
        return zip;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean exists(String path) {
        ZipEntry entry = zip.getEntry(prefix + path);
        return entry != null && !entry.isDirectory();
    }

    @Override
    public byte[] read(String path, long maxBytes) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + path);
        if (entry == null || entry.isDirectory()) {
            throw new NoSuchFileException(path);
        }
        if (entry.getSize() > maxBytes) {
            throw FileTooLargeException.bytes(path, entry.getSize(), maxBytes, "");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return readAtMost(in, path, maxBytes);
        }
    }

    /**
     * Reads a stream to its end, unless it holds more than a limit: then it stops reading just past the limit.
     *
     * @throws FileTooLargeException when the stream holds more than {@code maxBytes}
     */
    static byte[] readAtMost(InputStream in, String path, long maxBytes) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (content.length > maxBytes) {
            throw FileTooLargeException.bytes(path, -1, maxBytes, "");
        }
        return content;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
