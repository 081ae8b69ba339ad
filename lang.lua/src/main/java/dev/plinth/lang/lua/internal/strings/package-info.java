/** The string library of Lua resources, metered: what its functions do is charged to the calling resource. */
package dev.plinth.lang.lua.internal.strings;
