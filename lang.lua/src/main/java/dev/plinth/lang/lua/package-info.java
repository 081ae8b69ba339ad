/**
 * What the Lua host (LuaJ) offers the rest of the server: the functions resources export to each other.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.lang.lua;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
