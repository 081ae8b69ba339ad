package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Positions and blocks as Lua tables: {@code {x = 0, y = 64, z = 0}}, {@code {name = "minecraft:stone", x, y, z}}. */
final class Positions {

    private Positions() {}

    static LuaTable table(Position position) {
        return xyz(LuaValue.valueOf(position.x()), LuaValue.valueOf(position.y()), LuaValue.valueOf(position.z()));
    }

    static LuaTable table(BlockPos position) {
        return xyz(LuaValue.valueOf(position.x()), LuaValue.valueOf(position.y()), LuaValue.valueOf(position.z()));
    }

    private static LuaTable xyz(LuaValue x, LuaValue y, LuaValue z) {
        var table = new LuaTable(0, 3);
        table.rawset("x", x);
        table.rawset("y", y);
        table.rawset("z", z);
        return table;
    }

    static LuaTable block(BlockState block, BlockPos position) {
        LuaTable table = table(position);
        table.rawset("name", LuaValue.valueOf(block.type()));
        table.rawset("properties", PlainValues.toLua(block.properties()));
        return table;
    }

    /** {@code x, y, z} at {@code first} or a table with x, y, z there. */
    static Position position(Varargs args, int first) {
        LuaValue a = args.arg(first);
        if (a.istable()) {
            return new Position(a.get("x").checkdouble(), a.get("y").checkdouble(), a.get("z").checkdouble());
        }
        return new Position(a.checkdouble(), args.arg(first + 1).checkdouble(), args.arg(first + 2).checkdouble());
    }

    /** The block position of {@link #position}. */
    static BlockPos blockPos(Varargs args, int first) {
        return position(args, first).blockPos();
    }

    /** How many arguments a position took at {@code first}: 1 for a table, 3 for coordinates. */
    static int width(Varargs args, int first) {
        return args.arg(first).istable() ? 1 : 3;
    }
}
