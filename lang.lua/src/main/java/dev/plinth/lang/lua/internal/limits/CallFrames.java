package dev.plinth.lang.lua.internal.limits;

import java.util.Arrays;
import java.util.Optional;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.Prototype;

/**
 * The Lua call stack of one Lua thread (the main one or a coroutine), kept by the interpreter's hook for tracebacks
 * and the call depth limit. Confined to its Lua thread.
 */
final class CallFrames {

    private LuaFunction[] functions = new LuaFunction[16];
    private int[] pcs = new int[16];
    private int depth;

    void push(LuaFunction function, int maxDepth) {
        if (depth >= maxDepth) {
            throw new LuaError("stack overflow (more than " + maxDepth + " nested calls)");
        }
        if (depth == functions.length) {
            functions = Arrays.copyOf(functions, depth * 2);
            pcs = Arrays.copyOf(pcs, depth * 2);
        }
        functions[depth] = function;
        pcs[depth] = 0;
        depth++;
    }

    void pc(int pc) {
        pcs[depth - 1] = pc;
    }

    /**
     * Leaves the innermost frame. Its function stays in the array, unreferenced by the stack, until the next call
     * takes the place: what a tail call's failure reads ({@link #returned()}).
     */
    void pop() {
        if (depth > 0) {
            depth--;
        }
    }

    /**
     * The frame that last left from just above the stack's top, where it stopped, when it was a Lua function's.
     *
     * @return the frame, empty when none or a Java function's
     */
    Optional<ReturnedFrame> returned() {
        return depth < functions.length && functions[depth] instanceof LuaClosure closure
                ? Optional.of(new ReturnedFrame(closure, pcs[depth])) : Optional.empty();
    }

    /** The frames innermost first, in the format of Lua's {@code debug.traceback}. */
    String traceback() {
        var text = new StringBuilder("stack traceback:");
        for (int i = depth - 1; i >= 0; i--) {
            text.append("\n\t");
            if (functions[i] instanceof LuaClosure closure) {
                Prototype p = closure.p;
                text.append(p.shortsource()).append(':').append(line(p, pcs[i])).append(": in ")
                        .append(p.linedefined == 0 ? "main chunk" : "function <" + p.shortsource() + ":" + p.linedefined + ">");
            } else {
                text.append("[Java]: in function '").append(functions[i].name()).append('\'');
            }
        }
        return text.toString();
    }

    private static int line(Prototype p, int pc) {
        return p.lineinfo != null && pc >= 0 && pc < p.lineinfo.length ? p.lineinfo[pc] : -1;
    }
}
