package dev.plinth.core.sandbox.call;

/**
 * The room a call from one resource into another needs on its thread's stack, so that a stack overflow never strikes
 * where a host keeps its books. Exports calling each other across resources nest as deep as the scripts put them; were
 * the stack to run out inside a call's own bookkeeping (its call lock, its meter, its watch), the lock would stay held
 * or the meter inside the call, and the resource would answer nothing more; run out inside an engine's own frames, the
 * overflow comes out with no message and no line. A host asks {@link #fits()} before it starts a call made from within
 * another resource's call, and refuses the call with a stack overflow when the room is not there, so every nested call
 * that starts has at least {@value #FRAMES} frames left for its bookkeeping and its error. Calls the game makes
 * (nothing of a resource below them) need not ask.
 *
 * <p>A host also initializes the classes of its error path on a shallow stack (its start): initialized at the first
 * overflow, deep in a recursion, a stack overflow in their static initializers would leave them unusable until the
 * server restarts.
 *
 * <p>Stateless: any thread.
 */
public final class StackRoom {

    /** Frames that must fit below a nested call's own. */
    public static final int FRAMES = 256;

    private StackRoom() {}

    /**
     * Whether the calling thread's stack has room for a nested call.
     *
     * @return {@code false} when {@value #FRAMES} more frames do not fit
     */
    public static boolean fits() {
        return fits(FRAMES);
    }

    /**
     * Whether the calling thread's stack has room for a nested call whose host needs more than {@value #FRAMES}
     * frames for its error (an engine that builds its exceptions' stack traces as they leave guest code).
     *
     * @param frames the frames that must fit, each the size of a small method's
     * @return {@code false} when they do not fit
     */
    public static boolean fits(int frames) {
        try {
            return descend(frames, 1, 2, 3) == frames * 6L;
        } catch (StackOverflowError e) {
            return false;
        }
    }

    /** A frame with a few values in it, and {@code depth - 1} more below it. */
    private static long descend(int depth, long a, long b, long c) {
        return depth == 0 ? 0 : a + b + c + descend(depth - 1, a, b, c);
    }
}
