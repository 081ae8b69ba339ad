package dev.plinth.lang.lua.internal.reload;

import dev.plinth.lang.lua.internal.engine.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.luaj.vm2.LocVars;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Upvaldesc;

/**
 * A digest of a parsed Lua chunk: everything compiled code depends on (instructions, line numbers, constants, upvalues,
 * local names, nested functions, the chunk's name), so two chunks with the same digest compile to the same classes,
 * and a chunk is recognized whatever Lua state parsed it. It recognizes a content that a start had to parse (one not
 * prepared); a prepared content is found by its {@linkplain dev.plinth.lang.lua.internal.engine.LuaSource#digest()
 * source}, before anything is parsed.
 */
final class PrototypeDigest {

    private PrototypeDigest() {}

    /**
     * Digests a chunk.
     *
     * @param prototype the parsed chunk
     * @return a hex digest
     */
    static String of(Prototype prototype) {
        return Sha256.hex(digest -> update(digest, prototype));
    }

    private static void update(MessageDigest digest, Prototype p) {
        text(digest, p.source == null ? "" : p.source.tojstring());
        ints(digest, new int[] {p.linedefined, p.lastlinedefined, p.numparams, p.is_vararg, p.maxstacksize});
        ints(digest, p.code);
        ints(digest, p.lineinfo == null ? new int[0] : p.lineinfo);
        ints(digest, new int[] {p.k.length});
        for (LuaValue constant : p.k) {
            text(digest, constant.typename());
            text(digest, constant.isnumber() ? Double.toString(constant.todouble()) + "/" + constant.isint()
                    : constant.tojstring());
        }
        ints(digest, new int[] {p.upvalues.length});
        for (Upvaldesc upvalue : p.upvalues) {
            text(digest, upvalue.name == null ? "" : upvalue.name.tojstring());
            ints(digest, new int[] {upvalue.instack ? 1 : 0, upvalue.idx});
        }
        ints(digest, new int[] {p.locvars == null ? 0 : p.locvars.length});
        if (p.locvars != null) {
            for (LocVars local : p.locvars) {
                text(digest, local.varname == null ? "" : local.varname.tojstring());
                ints(digest, new int[] {local.startpc, local.endpc});
            }
        }
        ints(digest, new int[] {p.p.length});
        for (Prototype nested : p.p) {
            update(digest, nested);
        }
    }

    private static void ints(MessageDigest digest, int[] values) {
        var buffer = ByteBuffer.allocate(4 * values.length + 4).putInt(values.length);
        for (int value : values) {
            buffer.putInt(value);
        }
        digest.update(buffer.array());
    }

    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ints(digest, new int[] {bytes.length});
        digest.update(bytes);
    }
}
