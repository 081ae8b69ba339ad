package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code table.concat} and {@code table.unpack} that size their result first: a concatenation that would break the
 * memory limit, and an unpack of more than a million values, fail before allocating.
 */
final class BoundedTableFunctions {

    private BoundedTableFunctions() {}

    /**
     * Replaces the functions in a resource's {@code table} library.
     *
     * @param table the library
     */
    static void install(LuaTable table) {
        table.rawset("concat", new Concat(table.rawget("concat")));
        table.rawset("unpack", new Unpack(table.rawget("unpack")));
    }

    private static final class Concat extends GuardedFunction {
        Concat(LuaValue delegate) {
            super(delegate);
        }

        @Override
        void check(Varargs args) {
            LuaTable list = args.checktable(1);
            LuaString sep = args.optstring(2, EMPTYSTRING);
            long first = args.optlong(3, 1);
            long last = args.isnoneornil(4) ? list.length() : args.checklong(4);
            long size = 0;
            for (long i = first; i <= last; i++) {
                LuaValue item = list.get((int) i);
                if (!item.isstring()) {
                    error("invalid value (at index " + i + ") in table for 'concat'");
                }
                size += item.strvalue().length() + (i > first ? sep.length() : 0);
            }
            if (size > 64 * 1024) {
                Meter.current().reserve(size);
            }
        }
    }

    private static final class Unpack extends GuardedFunction {
        Unpack(LuaValue delegate) {
            super(delegate);
        }

        @Override
        void check(Varargs args) {
            LuaTable list = args.checktable(1);
            long first = args.optlong(2, 1);
            long last = args.isnoneornil(3) ? list.length() : args.checklong(3);
            if (last - first >= BoundedByte.MAX_RESULTS) {
                error("too many results to unpack");
            }
        }
    }
}
