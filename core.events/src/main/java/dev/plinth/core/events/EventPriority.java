package dev.plinth.core.events;

/**
 * When a handler runs relative to the others for the same event: {@link #LOWEST} first, {@link #MONITOR} last.
 *
 * <p>Handlers of equal priority run in the load order of the resources that own them (the order in which each
 * owner first obtained the bus), then in registration order.
 */
public enum EventPriority {
    /** Runs first: sets defaults others may override. */
    LOWEST,
    /** Runs after {@link #LOWEST}. */
    LOW,
    /** The default. */
    NORMAL,
    /** Runs after {@link #NORMAL}. */
    HIGH,
    /** The last handler that may change the event or its cancellation. */
    HIGHEST,
    /**
     * Observes the outcome: always runs, even for a cancelled event, and may not change the event. A MONITOR
     * handler that tries to is refused ({@link ReadOnlyEventException}) or, for the cancellation flag, reverted.
     */
    MONITOR
}
