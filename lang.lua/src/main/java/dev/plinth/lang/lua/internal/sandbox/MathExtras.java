package dev.plinth.lang.lua.internal.sandbox;

import java.util.function.DoubleUnaryOperator;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;

/**
 * The {@code math} functions LuaJ keeps in its JSE library (which also holds {@code luajava}, left out of this
 * bundle): {@code acos asin atan atan2 cosh sinh tanh} and {@code log} with a base.
 */
final class MathExtras {

    private MathExtras() {}

    static void install(LuaTable math) {
        math.rawset("acos", unary(Math::acos));
        math.rawset("asin", unary(Math::asin));
        math.rawset("atan", unary(Math::atan));
        math.rawset("cosh", unary(Math::cosh));
        math.rawset("sinh", unary(Math::sinh));
        math.rawset("tanh", unary(Math::tanh));
        math.rawset("atan2", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue y, LuaValue x) {
                return valueOf(Math.atan2(y.checkdouble(), x.checkdouble()));
            }
        });
        math.rawset("log", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue x, LuaValue base) {
                double value = Math.log(x.checkdouble());
                return valueOf(base.isnil() ? value : value / Math.log(base.checkdouble()));
            }
        });
    }

    private static LuaValue unary(DoubleUnaryOperator operator) {
        return new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue x) {
                return valueOf(operator.applyAsDouble(x.checkdouble()));
            }
        };
    }
}
