package dev.plinth.lang.lua.internal.engine;

import dev.plinth.lang.lua.internal.diagnostics.ErrorNames;
import dev.plinth.lang.lua.internal.limits.Limit;
import dev.plinth.lang.lua.internal.sandbox.ModuleNames;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * The room a call into a resource needs on its thread's stack, so that a stack overflow never strikes where the host
 * keeps its books. A call made from within another call (one resource's export calling another's, and that one the
 * first again) sits as deep in the stack as the Lua code before it put it; were the stack to run out inside the
 * call's own bookkeeping (taking the resource's call lock, entering or leaving its meter), the lock would stay held by
 * the thread and the meter would stay inside the call: the memory monitor and the lifecycle would wait for the
 * resource for ever, and its budgets would not be renewed. {@link #fits()} first walks {@value #FRAMES} frames
 * further down the stack, and the call is refused with a stack overflow when they do not fit, so every call that
 * starts has at least that room left for its bookkeeping when what it runs overflows. Calls the game makes (nothing
 * of Lua below them) skip the walk.
 *
 * <p>The classes that put an error's message together are initialized with this one, on the shallow stack of a
 * resource's creation ({@link #initialize()}): initialized at the first error, which could come deep in a recursion,
 * a stack overflow in their static initializers would leave them unusable, for every resource, until the server
 * restarts.
 *
 * <p>Stateless: any thread.
 */
final class StackRoom {

    /** Frames that must fit below a nested call's own. */
    static final int FRAMES = dev.plinth.core.sandbox.call.StackRoom.FRAMES;

    static {
        for (Class<?> type : List.of(ErrorNames.class, ScriptFailure.class, Limit.class, ModuleNames.class)) {
            try {
                MethodHandles.lookup().ensureInitialized(type);
            } catch (IllegalAccessException e) {
                throw new AssertionError(type + " is public", e);
            }
        }
    }

    private StackRoom() {}

    /** Initializes this class, and with it the classes of the error path, if that was not done yet. */
    static void initialize() {
        // the static initializer did the work
    }

    /**
     * Whether the calling thread's stack has room for a nested call (core.sandbox's {@link
     * dev.plinth.core.sandbox.call.StackRoom#fits()}).
     *
     * @return {@code false} when {@value #FRAMES} more frames do not fit
     */
    static boolean fits() {
        return dev.plinth.core.sandbox.call.StackRoom.fits();
    }
}
