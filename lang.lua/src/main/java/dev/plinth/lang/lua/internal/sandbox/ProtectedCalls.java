package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.diagnostics.ErrorNames;
import dev.plinth.lang.lua.internal.engine.ScriptFailure;
import dev.plinth.lang.lua.internal.limits.LimitExceededError;
import java.util.Optional;
import java.util.function.Function;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code pcall} and {@code xpcall} for sandboxed code: they return the error message without LuaJ's traceback,
 * turn a stack overflow into an error, and never catch a broken limit: the limit's error goes on up to the host.
 * A message handler of {@code xpcall} that fails in turn (an error, a stack overflow) makes it return
 * {@code false, "error in error handling (...)"}, as PUC Lua does, with the handler's own error in the brackets.
 */
final class ProtectedCalls {

    private ProtectedCalls() {}

    /**
     * Installs both functions.
     *
     * @param globals the resource's globals
     * @param chunks a file's parsed chunk, for naming the variable of a fault in compiled code
     */
    static void install(Globals globals, Function<String, Optional<Prototype>> chunks) {
        globals.rawset("pcall", new PCall(globals, chunks));
        globals.rawset("xpcall", new XPCall(globals, chunks));
    }

    /**
     * What {@code pcall} returns for an error: a value that is not a string as it is, else the message placed as PUC
     * Lua places it ({@link ScriptFailure#messageOf(LuaError, Class, Function)}), a failed tail call at its line.
     * Called on the thread that ran the call, right after the error reached the catcher.
     */
    private static LuaValue errorValue(LuaError error, VarArgFunction catcher, Globals globals,
            Function<String, Optional<Prototype>> chunks) {
        LuaValue object = error.getMessageObject();
        if (object != null && !object.isstring()) {
            return object;
        }
        return LuaValue.valueOf(ScriptFailure.messageOf(ErrorNames.tailCall(error, globals), catcher.getClass(),
                chunks));
    }

    private static final class PCall extends VarArgFunction {
        private final Globals globals;
        private final Function<String, Optional<Prototype>> chunks;

        PCall(Globals globals, Function<String, Optional<Prototype>> chunks) {
            this.globals = globals;
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
                return varargsOf(FALSE, errorValue(e, this, globals, chunks));
            } catch (StackOverflowError e) {
                return varargsOf(FALSE, valueOf("stack overflow"));
            }
        }
    }

    private static final class XPCall extends VarArgFunction {
        /**
         * Message handlers running inside one another past which the next is not called, as PUC Lua stops at its C
         * stack limit: a handler that fails with a stack overflow by calling {@code xpcall} with itself would
         * otherwise run the whole stack down once per level.
         */
        private static final int MAX_NESTED_HANDLERS = 8;

        private final Globals globals;
        private final Function<String, Optional<Prototype>> chunks;
        /** Handlers running now: the resource's threads run one at a time. */
        private int handling;

        XPCall(Globals globals, Function<String, Optional<Prototype>> chunks) {
            this.globals = globals;
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
                return varargsOf(FALSE, handled(handler, errorValue(e, this, globals, chunks)));
            } catch (StackOverflowError e) {
                return varargsOf(FALSE, handled(handler, valueOf("stack overflow")));
            }
        }

        /** What the message handler makes of an error, called once: its own failure is not handled again. */
        private LuaValue handled(LuaValue handler, LuaValue message) {
            if (handling >= MAX_NESTED_HANDLERS) {
                return valueOf("error in error handling (more than " + MAX_NESTED_HANDLERS
                        + " nested message handlers)");
            }
            LuaValue failure;
            handling++;
            try {
                return handler.call(message);
            } catch (LimitExceededError e) {
                throw e;
            } catch (LuaError e) {
                failure = errorValue(e, this, globals, chunks);
            } catch (StackOverflowError e) {
                failure = valueOf("stack overflow");
            } finally {
                handling--;
            }
            return valueOf("error in error handling (" + (failure.isstring() ? failure.tojstring()
                    : "a " + failure.typename() + " value") + ")");
        }
    }
}
