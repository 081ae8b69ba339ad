/**
 * What Lua errors say about the code that failed: LuaJ's runtime errors in the words of PUC Lua 5.2+, with the variable
 * named. Works only when an error is reported, never while code runs.
 */
package dev.plinth.lang.lua.internal.diagnostics;
