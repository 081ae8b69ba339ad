package dev.plinth.core.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name of every event of a typed event class, known to the bus before any instance is posted: so a handler
 * subscribed by that name and one subscribed by the class are ordered together from the start,
 * {@link EventBus#hasHandlers(Class)} is exact and {@code event:stats} shows the name rather than the class.
 *
 * <p>Every typed event class should carry it, with the value its {@link Event#name()} returns:
 * {@code @EventName(PlayerJoinEvent.NAME)}. The bus reads it once per class, when the class is first subscribed to
 * or posted, never while dispatching. A class without it still works: the bus learns its name from the first
 * instance posted.
 *
 * <p>A value that is not an event name ({@link NamedEvent#NAME}) is refused when a handler subscribes to the class;
 * a value that differs from what {@code name()} returns makes the post of such an event throw, and every later
 * subscription to the class is refused; both with an {@link EventException} naming the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {

    /**
     * The event name, equal to what {@link Event#name()} returns for every instance of the class.
     *
     * @return the name: {@code player_join}, {@code resource:started}, {@code myplugin:my_event}
     */
    String value();
}
