/**
 * What the Lua host adds to LuaJ's own classes at build time ({@code src/build/PatchLuaJ.java}): the string hash, the
 * checks before {@code ..} allocates, and the charge for the work LuaJ does over long strings and whole lists within
 * one instruction or library call. Public because LuaJ's classes call them. (The patch also has LuaJ's interpreter
 * word its errors through the diagnostics package's {@code ErrorNames}.)
 */
package dev.plinth.lang.lua.internal.luaj;
