/** What a Lua resource keeps: its heap measured from its roots, for the sandbox's memory monitor. */
package dev.plinth.lang.lua.internal.memory;
