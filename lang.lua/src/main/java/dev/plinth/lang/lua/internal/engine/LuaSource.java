package dev.plinth.lang.lua.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

/**
 * One Lua file of a resource as read: its name and its bytes, which are all that determines what it compiles to (LuaC
 * and LuaJC are deterministic), so its {@link #digest()} recognizes a content compiled before without parsing it.
 *
 * <p>Immutable as long as the caller does not change the bytes it gave; thread-safe.
 */
public final class LuaSource {

    private final String file;
    private final byte[] bytes;

    /**
     * A file's content.
     *
     * @param file the file, relative to the resource ({@code lib/util.lua}); it names the chunk
     * @param bytes its source, not copied
     */
    public LuaSource(String file, byte[] bytes) {
        this.file = Objects.requireNonNull(file, "file");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    /** {@return the file, relative to the resource} */
    public String file() {
        return file;
    }

    /**
     * Parses the file, as a start does when nothing compiled is kept for it.
     *
     * @return the parsed chunk
     * @throws LuaError when it does not parse, with {@code file:line:} in front of the message
     */
    public Prototype parse() {
        try {
            return LuaC.instance.compile(new ByteArrayInputStream(bytes), file);
        } catch (IOException e) {
            throw new LuaError("cannot read " + file + ": " + e.getMessage());
        } catch (LuaError e) {
            // LuaC names the chunk [string "main.lua"] in syntax errors; runtime errors call it main.lua.
            throw new LuaError(String.valueOf(e.getMessage()).replace("[string \"" + file + "\"]", file));
        }
    }

    /**
     * A SHA-256 digest of the file name and the bytes: two sources with the same digest compile to the same classes.
     * Linear in the size of the file, and much cheaper than parsing it.
     *
     * @return a hex digest
     */
    public String digest() {
        byte[] name = file.getBytes(StandardCharsets.UTF_8);
        return Sha256.hex(digest -> {
            digest.update(ByteBuffer.allocate(4).putInt(name.length).array());
            digest.update(name);
            digest.update(bytes);
        });
    }
}
