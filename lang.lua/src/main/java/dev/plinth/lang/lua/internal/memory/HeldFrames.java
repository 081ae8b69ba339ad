package dev.plinth.lang.lua.internal.memory;

import java.util.function.Consumer;
import org.luaj.vm2.LuaValue;

/**
 * The call stack of a Lua thread as the memory walk sees it: the values its frames hold (the registers and the
 * extra arguments of each interpreted frame), which a suspended coroutine keeps as long as it lives.
 *
 * <p>Read from the measuring thread while the thread the frames belong to waits (the resource's call lock held).
 */
public interface HeldFrames {

    /**
     * Gives each value the frames hold, frame after frame.
     *
     * @param action what to do with each value
     */
    void forEachHeld(Consumer<LuaValue> action);
}
