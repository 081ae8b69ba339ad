package dev.plinth.core.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a listener object as an event handler, for {@link EventBus#register(Object)}. The method
 * takes exactly one parameter, a concrete {@link Event} type, and returns {@code void}; anything else is refused
 * at registration with an {@link EventException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Subscribe {

    /**
     * When the handler runs.
     *
     * @return the priority
     */
    EventPriority priority() default EventPriority.NORMAL;

    /**
     * Whether the handler still runs after the event was cancelled.
     *
     * @return {@code true} to receive cancelled events
     */
    boolean receiveCancelled() default false;
}
