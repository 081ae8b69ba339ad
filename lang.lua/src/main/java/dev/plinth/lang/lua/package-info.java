/**
 * The Lua language host (LuaJ), an extender for Lua resources. It has no API of its own: what Lua resources export
 * to each other is {@code dev.plinth.core.runtime.interop}.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.lang.lua;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
