package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.binding.GuardedFunction;
import dev.plinth.lang.lua.internal.limits.Meter;
import dev.plinth.lang.lua.internal.strings.BoundedByte;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code table.concat} and {@code table.unpack} that size their result first: a concatenation that would break the
 * memory limit, and an unpack of more than a million values, fail before allocating; sizing a concatenation charges
 * the meter for each item, so a huge range is stopped by the budget or the watchdog.
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
        table.rawset("unpack", new Unpack());
    }

    private static final class Concat extends GuardedFunction {
        Concat(LuaValue delegate) {
            super(delegate);
        }

        @Override
        protected void check(Varargs args) {
            LuaTable list = args.checktable(1);
            LuaString sep = args.optstring(2, EMPTYSTRING);
            long first = args.optlong(3, 1);
            long last = args.isnoneornil(4) ? list.length() : args.checklong(4);
            long size = 0;
            Meter meter = Meter.current();
            for (long i = first; i <= last; i++) {
                meter.charge(1);
                LuaValue item = i >= Integer.MIN_VALUE && i <= Integer.MAX_VALUE
                        ? list.get((int) i) : list.get(LuaValue.valueOf((double) i));
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

    /**
     * {@code table.unpack(list [, i [, j]])} sized in {@code long} before anything is made: a range of more than a
     * million values (however its ends are written, {@code -2^63} included) is refused.
     */
    private static final class Unpack extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaTable list = args.checktable(1);
            long first = args.optlong(2, 1);
            long last = args.isnoneornil(3) ? list.length() : args.checklong(3);
            if (first > last) {
                return NONE;
            }
            long count = last - first + 1;
            if (count <= 0 || count > BoundedByte.MAX_RESULTS) {
                return error("too many results to unpack");
            }
            if (count > 1024) {
                Meter.current().reserve(count * 16);
            }
            var values = new LuaValue[(int) count];
            for (int k = 0; k < values.length; k++) {
                long index = first + k;
                values[k] = index >= Integer.MIN_VALUE && index <= Integer.MAX_VALUE
                        ? list.get((int) index) : list.get(LuaValue.valueOf((double) index));
            }
            return varargsOf(values);
        }
    }
}
