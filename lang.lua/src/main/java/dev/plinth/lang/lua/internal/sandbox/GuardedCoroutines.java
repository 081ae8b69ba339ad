package dev.plinth.lang.lua.internal.sandbox;

import dev.plinth.lang.lua.internal.binding.GuardedFunction;
import dev.plinth.lang.lua.internal.limits.Meter;
import dev.plinth.lang.lua.internal.memory.HeldValue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code coroutine.create}, {@code wrap}, {@code resume} and {@code yield} for sandboxed code. LuaJ runs each
 * coroutine on a Java thread
 * of its own, in lock-step with the thread that resumes it; this charges their creation to the budget
 * ({@value #COST} instructions each), keeps their number bounded, binds the resource's
 * {@link Meter} on those threads (compiled code and the metered library find it there), and lets the host end the
 * threads of a stopped resource at once instead of when the garbage collector finds them. A yield across a call
 * into a resource is refused ({@link Yield}), and the memory walk follows a coroutine to its function
 * ({@link HeldValue}) and to the locals of its frames: while a coroutine runs, the resource's compiled code runs
 * interpreted ({@link Meter#coroutine()}), its locals in arrays the walk reads.
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
        coroutine.rawset("resume", new Resume(coroutine.rawget("resume")));
        coroutine.rawset("yield", new Yield(coroutine.rawget("yield")));
    }

    /**
     * Resumes a coroutine of this resource, noting the call depth it is resumed at ({@link Yield}) and that a
     * coroutine runs meanwhile (compiled code runs interpreted there, where the memory walk sees its locals).
     */
    private Varargs resumed(LuaValue thread, Supplier<Varargs> resume) {
        if (thread instanceof LuaThread coroutine && coroutine.state.function instanceof Body body) {
            body.resumedAt = meter.depth();
        }
        Globals before = meter.coroutine(globals);
        try {
            return resume.get();
        } finally {
            meter.coroutine(before);
        }
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
            return new Wrapped(newThread(function));
        }
    }

    /** {@code coroutine.resume}, noting the call depth it resumes its coroutine at ({@link Yield}). */
    private final class Resume extends VarArgFunction {
        private final LuaValue delegate;

        Resume(LuaValue delegate) {
            this.delegate = delegate;
        }

        @Override
        public Varargs invoke(Varargs args) {
            return resumed(args.arg1(), () -> delegate.invoke(args));
        }
    }

    /**
     * {@code coroutine.yield}, refused where a call into a resource sits between the coroutine's body and the yield
     * (its code called by another resource's export, or by its own through the host), as PUC Lua refuses a yield
     * across a C call: the coroutine's thread would wait with that call unfinished, holding the called resource's
     * lock and its meter inside the call, and the next call into that resource would wait for ever, on the game
     * thread too. The resource's call depth when the coroutine was last resumed tells: a call in between is one more.
     */
    private final class Yield extends GuardedFunction {
        Yield(LuaValue delegate) {
            super(delegate);
        }

        @Override
        protected void check(Varargs args) {
            if (globals.running.state.function instanceof Body body && body.resumedAt != meter.depth()) {
                error("attempt to yield across a call between resources");
            }
        }
    }

    /** The function {@code coroutine.wrap} returns: it resumes its coroutine and raises the coroutine's errors. */
    private final class Wrapped extends VarArgFunction implements HeldValue {
        private final LuaThread thread;

        Wrapped(LuaThread thread) {
            this.thread = thread;
        }

        @Override
        public Varargs invoke(Varargs args) {
            Varargs result = resumed(thread, () -> thread.resume(args));
            return result.arg1().toboolean() ? result.subargs(2) : error(result.arg(2).tojstring());
        }

        @Override
        public LuaValue held() {
            return thread;
        }
    }

    /** The coroutine's function as it runs on its own thread. */
    private final class Body extends VarArgFunction implements HeldValue {
        private final LuaValue function;
        /**
         * The resource's call depth when the coroutine was last resumed: written by the resuming thread before the
         * resume hands over (LuaJ's resume synchronizes on the coroutine), read by the coroutine's thread.
         */
        private int resumedAt;

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

        @Override
        public LuaValue held() {
            return function;
        }
    }
}
