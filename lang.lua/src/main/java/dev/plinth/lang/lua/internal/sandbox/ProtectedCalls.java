package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.engine.ScriptFailure;
import dev.plinth.lang.lua.internal.limits.LimitExceededError;
import java.util.Optional;
import java.util.function.Function;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code pcall} and {@code xpcall} for sandboxed code: they return the error message without LuaJ's traceback,
 * turn a stack overflow into an error, and never catch a broken limit: the limit's error goes on up to the host.
 */
final class ProtectedCalls {

    private ProtectedCalls() {}

    /**
     * Installs both functions.
     *
     * @param globals the resource's globals
     * @param chunks a file's parsed chunk, for naming the variable of a fault in compiled code
     */
    static void install(LuaTable globals, Function<String, Optional<Prototype>> chunks) {
        globals.rawset("pcall", new PCall(chunks));
        globals.rawset("xpcall", new XPCall(chunks));
    }

    static LuaValue errorValue(LuaError error, Function<String, Optional<Prototype>> chunks) {
        LuaValue object = error.getMessageObject();
        if (object != null && !object.isstring()) {
            return object;
        }
        return LuaValue.valueOf(ScriptFailure.messageOf(error, chunks));
    }

    private static final class PCall extends VarArgFunction {
        private final Function<String, Optional<Prototype>> chunks;

        PCall(Function<String, Optional<Prototype>> chunks) {
            this.chunks = chunks;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue function = args.checkvalue(1);
            try {
                return varargsOf(TRUE, function.invoke(args.subargs(2)));
            } catch (LimitExceededError e) {
                throw e;
            } catch (LuaError e) {
                return varargsOf(FALSE, errorValue(e, chunks));
            } catch (StackOverflowError e) {
                return varargsOf(FALSE, valueOf("stack overflow"));
            }
        }
    }

    private static final class XPCall extends VarArgFunction {
        private final Function<String, Optional<Prototype>> chunks;

        XPCall(Function<String, Optional<Prototype>> chunks) {
            this.chunks = chunks;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue function = args.checkvalue(1);
            LuaValue handler = args.checkfunction(2);
            try {
                return varargsOf(TRUE, function.invoke(args.subargs(3)));
            } catch (LimitExceededError e) {
                throw e;
            } catch (LuaError e) {
                return varargsOf(FALSE, handler.call(errorValue(e, chunks)));
            } catch (StackOverflowError e) {
                return varargsOf(FALSE, handler.call(valueOf("stack overflow")));
            }
        }
    }
}
