package dev.plinth.core.resource.internal.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A resource's files in memory, for manifest tests. */
final class MemoryFiles implements ResourceFiles {

    private final String name;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private MemoryFiles(String name) {
        this.name = name;
    }

    static MemoryFiles named(String name) {
        return new MemoryFiles(name);
    }

    MemoryFiles with(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path);
    }

    @Override
    public byte[] read(String path, long maxBytes) throws IOException {
        byte[] content = files.get(path);
        if (content == null) {
            throw new NoSuchFileException(path);
        }
        if (content.length > maxBytes) {
            throw FileTooLargeException.bytes(path, content.length, maxBytes, "");
        }
        return content;
    }
}
