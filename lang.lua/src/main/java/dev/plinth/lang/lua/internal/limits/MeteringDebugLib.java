package dev.plinth.lang.lua.internal.limits;

import java.util.Objects;
import java.util.Optional;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * The interpreter's instruction hook. LuaJ's interpreter calls {@code globals.debuglib} before every instruction and
 * around every call; this replacement counts instructions on the resource's {@link Meter}, keeps a light call stack
 * for tracebacks and the depth limit, and nothing else: it exposes no {@code debug} table to scripts and takes no
 * lock (LuaJ's own call stack synchronizes on every instruction).
 *
 * <p>Installed as {@code globals.debuglib} only; never loaded as a library. Confined to the resource's threads.
 */
public final class MeteringDebugLib extends DebugLib {

    private final Globals globals;
    private final Meter meter;
    private final int maxCallDepth;

    /**
     * Creates the hook and installs it into the globals.
     *
     * @param globals the resource's globals
     * @param meter its meter
     */
    public MeteringDebugLib(Globals globals, Meter meter) {
        this.globals = Objects.requireNonNull(globals, "globals");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.maxCallDepth = meter.limits().maxCallDepth();
        globals.debuglib = this;
    }

    @Override
    public void onCall(LuaFunction function) {
        frames().push(function, maxCallDepth);
    }

    @Override
    public void onCall(LuaClosure closure, Varargs varargs, LuaValue[] stack) {
        frames().push(closure, stack, varargs, maxCallDepth);
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        frames().pc(pc);
        meter.step();
    }

    @Override
    public void onReturn() {
        frames().pop();
    }

    /**
     * The Lua function that returned last from just above the current one, and the instruction it stopped at (for a
     * tail call, the tail call): meaningful only while an error raised right after it is being handled. Called on the
     * resource's thread.
     *
     * @return the frame, empty when there is none
     */
    public Optional<ReturnedFrame> returned() {
        return frames().returned();
    }

    @Override
    public String traceback(int level) {
        return frames().traceback();
    }

    private CallFrames frames() {
        LuaThread thread = globals.running;
        if (thread.callstack instanceof CallFrames frames) {
            return frames;
        }
        var frames = new CallFrames();
        thread.callstack = frames;
        return frames;
    }
}
