package dev.plinth.lang.lua.internal.memory;

import org.luaj.vm2.LuaValue;

/**
 * A function of the host that holds a value of the resource the walk must follow: a coroutine's body holds the Lua
 * function it runs (with its upvalues), and the function {@code coroutine.wrap} returns holds its coroutine. Other
 * host functions belong to the server and keep nothing of the resource.
 *
 * <p>Implementations answer from any thread (the memory monitor's, holding the resource's call lock).
 */
public interface HeldValue {

    /**
     * What the function holds of the resource.
     *
     * @return the value
     */
    LuaValue held();
}
