package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.runtime.world.BlockPos;
import dev.plinth.core.runtime.world.BlockState;
import dev.plinth.core.runtime.world.Position;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.PlainValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/** Positions and blocks as script objects: {@code {x: 0, y: 64, z: 0}}, {@code {name: "minecraft:stone", x, y, z}}. */
final class Positions {

    private Positions() {}

    static ProxyObject object(Position position) {
        return ProxyObject.fromMap(new LinkedHashMap<>(Map.of("x", position.x(), "y", position.y(), "z", position.z())));
    }

    static ProxyObject object(BlockPos position) {
        return ProxyObject.fromMap(new LinkedHashMap<>(Map.of("x", position.x(), "y", position.y(), "z", position.z())));
    }

    static ProxyObject block(BlockState block, BlockPos position) {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", block.type());
        map.put("x", position.x());
        map.put("y", position.y());
        map.put("z", position.z());
        map.put("properties", PlainValues.toScript(block.properties()));
        return ProxyObject.fromMap(map);
    }

    /** {@code x, y, z} at {@code first}, or an object with x, y, z there. */
    static Position position(Value[] args, int first, String api) {
        if (first < args.length && args[first].hasMembers() && !args[first].isNumber()) {
            Value p = args[first];
            return new Position(coordinate(p, "x", api), coordinate(p, "y", api), coordinate(p, "z", api));
        }
        return new Position(Args.number(args, first, api), Args.number(args, first + 1, api),
                Args.number(args, first + 2, api));
    }

    /** How many arguments a position took at {@code first}: 1 for an object, 3 for coordinates. */
    static int width(Value[] args, int first) {
        return first < args.length && args[first].hasMembers() && !args[first].isNumber() ? 1 : 3;
    }

    private static double coordinate(Value position, String axis, String api) {
        Value value = position.getMember(axis);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(api + ": the position needs a number '" + axis + "'");
        }
        return value.asDouble();
    }
}
