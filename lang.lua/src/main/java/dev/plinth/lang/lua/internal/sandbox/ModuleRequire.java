package dev.plinth.lang.lua.internal.sandbox;

import java.util.Optional;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * {@code require(name)} limited to the resource's own files: {@code require("lib.util")} runs {@code lib/util.lua}
 * once and caches its result in {@code package.loaded}. Names are dotted words ({@link ModuleNames}), so no path can
 * leave the resource.
 */
final class ModuleRequire extends OneArgFunction {

    private final String resource;
    private final LuaTable loaded;
    private final ChunkLoader chunks;
    private final LuaTable loading = new LuaTable();

    ModuleRequire(String resource, LuaTable loaded, ChunkLoader chunks) {
        this.resource = resource;
        this.loaded = loaded;
        this.chunks = chunks;
    }

    @Override
    public LuaValue call(LuaValue argument) {
        String name = argument.checkjstring();
        LuaValue cached = loaded.rawget(name);
        if (cached == loading) {
            return error("loop while loading module '" + name + "'");
        }
        if (!cached.isnil()) {
            return cached;
        }
        Optional<String> named = ModuleNames.file(name);
        if (named.isEmpty()) {
            return error("module name '" + name + "' is not valid: use names such as util or lib.util");
        }
        String file = named.get();
        loaded.rawset(name, loading);
        try {
            LuaFunction chunk = chunks.load(file);
            if (chunk == null) {
                return error("module '" + name + "' not found: no file '" + file + "' in resource '" + resource + "'");
            }
            LuaValue result = chunk.call(valueOf(name));
            LuaValue value = result.isnil() ? TRUE : result;
            loaded.rawset(name, value);
            return value;
        } finally {
            if (loaded.rawget(name) == loading) {
                loaded.rawset(name, NIL);
            }
        }
    }
}
