package dev.plinth.lang.lua.internal.limits;

import dev.plinth.lang.lua.internal.memory.HeldFrames;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;

/**
 * The Lua call stack of one Lua thread (the main one or a coroutine), kept by the interpreter's hook for tracebacks,
 * the call depth limit and the memory walk (the registers of each interpreted frame: what a suspended coroutine
 * keeps in its local variables). Confined to its Lua thread, but for {@link #forEachHeld}, read while it waits.
 */
final class CallFrames implements HeldFrames {

    private LuaFunction[] functions = new LuaFunction[16];
    private int[] pcs = new int[16];
    private LuaValue[] @Nullable [] registers = new LuaValue[16][];
    private @Nullable Varargs[] extras = new Varargs[16];
    private int depth;

    void push(LuaFunction function, int maxDepth) {
        push(function, null, null, maxDepth);
    }

    void push(LuaFunction function, LuaValue @Nullable [] stack, @Nullable Varargs varargs, int maxDepth) {
        if (depth >= maxDepth) {
            throw new LuaError("stack overflow (more than " + maxDepth + " nested calls)");
        }
        if (depth == functions.length) {
            functions = Arrays.copyOf(functions, depth * 2);
            pcs = Arrays.copyOf(pcs, depth * 2);
            registers = Arrays.copyOf(registers, depth * 2);
            extras = Arrays.copyOf(extras, depth * 2);
        }
        functions[depth] = function;
        pcs[depth] = 0;
        registers[depth] = stack;
        extras[depth] = varargs;
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
            registers[depth] = null;
            extras[depth] = null;
        }
    }

    @Override
    public void forEachHeld(Consumer<LuaValue> action) {
        for (int i = 0; i < depth; i++) {
            LuaValue[] stack = registers[i];
            if (stack != null) {
                for (LuaValue value : stack) {
                    if (value != null) {
                        action.accept(value);
                    }
                }
            }
            Varargs varargs = extras[i];
            if (varargs != null) {
                for (int n = 1, count = varargs.narg(); n <= count; n++) {
                    action.accept(varargs.arg(n));
                }
            }
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
