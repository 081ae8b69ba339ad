package dev.plinth.core.runtime.event.server;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventName;
import java.util.Map;

/**
 * The server is stopping: the last event before its clock stops. Posted once, on the game thread, while the
 * players are still online.
 */
@EventName(ServerStopEvent.NAME)
public final class ServerStopEvent implements Event {

    /** The event's name. */
    public static final String NAME = "server_stop";

    /** Creates the event. */
    public ServerStopEvent() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of();
    }
}
