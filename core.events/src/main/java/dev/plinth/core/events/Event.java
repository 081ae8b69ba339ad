package dev.plinth.core.events;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something that happened, as every language sees it: a name and a payload of plain values.
 *
 * <p>Typed Java events implement this interface (and are final classes annotated with their {@link EventName});
 * events posted by name from scripts are {@link NamedEvent}s. Both travel through the same bus: a handler
 * subscribed by name receives a typed event of that name too, through its {@link #payload()} view.
 *
 * <p>Thread rule: an event is handled on the thread that posted it; events are not thread-safe and must not be
 * kept or shared after their dispatch.
 */
@ConsumerType
public interface Event {

    /**
     * The event's name: {@code player_join}, {@code resource:started}, {@code myplugin:my_event}. The same for
     * every instance of a typed event class, and equal to the {@link EventName} the class carries.
     *
     * @return the name, never empty
     */
    String name();

    /**
     * The event's fields as plain values for scripts and logs: {@code String}, {@code Number}, {@code Boolean},
     * {@code List} and {@code Map} of those. Built on demand; Java handlers use the typed accessors instead.
     *
     * @return an unmodifiable view
     */
    Map<String, Object> payload();
}
