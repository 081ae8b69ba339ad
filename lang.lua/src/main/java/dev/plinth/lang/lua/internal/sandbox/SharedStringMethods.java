package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.strings.MeteredStrings;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.StringLib;

/**
 * The methods of Lua strings ({@code ("x"):upper()}). LuaJ keeps the string metatable in one static field for every
 * Lua state of the JVM, so resources would share, and could change, each other's string methods. Plinth installs
 * one metatable of its own before any resource runs: its {@code __index} is a table no script can reach
 * ({@code getmetatable("")} returns {@code false}), holding the metered string functions ({@link MeteredStrings}). Each resource gets its own
 * {@code string} table, a copy it may change for itself.
 */
public final class SharedStringMethods {

    private static final LuaValue PROTECTED = LuaValue.FALSE;

    private SharedStringMethods() {}

    /**
     * Installs the shared metatable if it is not in place yet, and returns the string functions.
     *
     * @return a new table with the string library, for one resource's {@code string} global
     */
    public static synchronized LuaTable newStringTable() {
        LuaTable methods = methods();
        LuaTable copy = new LuaTable();
        for (LuaValue key = methods.next(LuaValue.NIL).arg1(); !key.isnil(); key = methods.next(key).arg1()) {
            copy.rawset(key, methods.rawget(key));
        }
        return copy;
    }

    private static LuaTable methods() {
        LuaValue current = LuaString.s_metatable;
        if (current instanceof LuaTable metatable && metatable.rawget(LuaValue.METATABLE) == PROTECTED) {
            return (LuaTable) metatable.rawget(LuaValue.INDEX);
        }
        // StringLib installs its own metatable only when none is set: build the library in a scratch state first.
        var scratch = new Globals();
        var loaded = new LuaTable();
        var packageTable = new LuaTable();
        packageTable.set("loaded", loaded);
        scratch.set("package", packageTable);
        LuaString.s_metatable = LuaValue.tableOf();
        scratch.load(new StringLib());
        LuaTable library = (LuaTable) scratch.get("string");
        library.rawset("dump", LuaValue.NIL);
        MeteredStrings.install(library);
        var metatable = LuaValue.tableOf(new LuaValue[] {LuaValue.INDEX, library, LuaValue.METATABLE, PROTECTED});
        LuaString.s_metatable = metatable;
        return library;
    }
}
