/**
 * What the Lua host adds to LuaJ's own classes at build time ({@code src/build/PatchLuaJ.java}): the string hash and
 * the checks before {@code ..} allocates. Public because LuaJ's classes call them. (The patch also has LuaJ's
 * interpreter word its errors through the diagnostics package's {@code ErrorNames}.)
 */
package dev.plinth.lang.lua.internal.luaj;
