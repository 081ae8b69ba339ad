package dev.plinth.core.runtime.internal.tick;

/**
 * A part of every tick, added to the {@link GameLoop} by the component that owns it: the loop runs the phases in
 * the order of {@link #order()}, lowest first, on the game thread.
 */
public interface TickPhase {

    /** Order of the scheduler's phase: tasks run first. */
    int SCHEDULER = 0;
    /** Order of the game's phase: world updates, then the {@code server_tick} event. */
    int GAME = 10;

    /**
     * Where this phase runs in a tick.
     *
     * @return lower runs earlier
     */
    int order();

    /**
     * Runs this phase of a tick.
     *
     * @param tick the tick's number
     */
    void tick(long tick);
}
