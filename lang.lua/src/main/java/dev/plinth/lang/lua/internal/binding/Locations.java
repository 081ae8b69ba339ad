package dev.plinth.lang.lua.internal.binding;

import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;

/** Where a Lua function is written, for handler statistics and logs: {@code main.lua:12}. */
public final class Locations {

    private Locations() {}

    /**
     * The location of a function: its definition when interpreted, else the compiled Lua line that registers it.
     *
     * @param function the function
     * @return {@code file:line}, or {@code ?}
     */
    public static String of(LuaValue function) {
        if (function instanceof LuaClosure closure) {
            return closure.p.shortsource() + ":" + closure.p.linedefined;
        }
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            if (LuaJcCompiler.isLuaFrame(frame)) {
                return frame.getFileName() + ":" + frame.getLineNumber();
            }
        }
        return "?";
    }
}
