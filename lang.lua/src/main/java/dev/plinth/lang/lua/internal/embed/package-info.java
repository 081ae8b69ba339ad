/** Lua scripts run outside the resource lifecycle: the {@code ScriptEngine} of the Lua host. */
package dev.plinth.lang.lua.internal.embed;
