package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.limits.Meter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code coroutine.create} and {@code coroutine.wrap} for sandboxed code. LuaJ runs each coroutine on a Java thread
 * of its own, in lock-step with the thread that resumes it; this charges their creation to the budget
 * ({@value #COST} instructions each), keeps their number bounded, binds the resource's
 * {@link Meter} on those threads (compiled code and the metered library find it there), and lets the host end the
 * threads of a stopped resource at once instead of when the garbage collector finds them.
 *
 * <p>Thread-safe: the set of threads is read by the host from any thread.
 */
public final class GuardedCoroutines {

    /**
     * What creating a coroutine is charged, in instructions: LuaJ runs each on a Java thread of its own, started at
     * its first resume and ended at its last, tens of microseconds of work Lua code does not see.
     */
    static final int COST = 2000;

    private final Globals globals;
    private final Meter meter;
    private final int max;
    private final AtomicInteger alive = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    GuardedCoroutines(Globals globals, Meter meter) {
        this.globals = globals;
        this.meter = meter;
        this.max = meter.limits().maxCoroutines();
    }

    void install(LuaTable coroutine) {
        coroutine.rawset("create", new Create());
        coroutine.rawset("wrap", new Wrap());
    }

    /**
     * Whether a thread is one of the resource's coroutines, running while the thread that resumed it waits.
     *
     * @param thread a thread
     * @return {@code true} for a coroutine thread of this resource
     */
    public boolean owns(Thread thread) {
        return threads.contains(thread);
    }

    /** Ends the threads of suspended coroutines: they are interrupted and leave their wait. Any thread. */
    public void close() {
        threads.forEach(Thread::interrupt);
    }

    private LuaThread newThread(LuaValue function) {
        meter.charge(COST);
        return new LuaThread(globals, new Body(function.checkfunction()));
    }

    private final class Create extends OneArgFunction {
        @Override
        public LuaValue call(LuaValue function) {
            return newThread(function);
        }
    }

    private final class Wrap extends OneArgFunction {
        @Override
        public LuaValue call(LuaValue function) {
            LuaThread thread = newThread(function);
            return new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs args) {
                    Varargs result = thread.resume(args);
                    return result.arg1().toboolean() ? result.subargs(2) : error(result.arg(2).tojstring());
                }
            };
        }
    }

    /** The coroutine's function as it runs on its own thread. */
    private final class Body extends VarArgFunction {
        private final LuaValue function;

        Body(LuaValue function) {
            this.function = function;
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (alive.incrementAndGet() > max) {
                alive.decrementAndGet();
                return error("too many coroutines alive (limit " + max + ")");
            }
            Thread current = Thread.currentThread();
            threads.add(current);
            try {
                return ScopedValue.where(Meter.CURRENT, meter).call(() -> function.invoke(args));
            } finally {
                threads.remove(current);
                alive.decrementAndGet();
            }
        }
    }
}
