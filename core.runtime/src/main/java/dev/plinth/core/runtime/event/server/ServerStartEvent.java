package dev.plinth.core.runtime.event.server;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventName;
import java.util.Map;

/**
 * The server has started: its worlds exist and its clock is about to run. Posted once, on the game thread.
 */
@EventName(ServerStartEvent.NAME)
public final class ServerStartEvent implements Event {

    /** The event's name. */
    public static final String NAME = "server_start";

    /** Creates the event. */
    public ServerStartEvent() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of();
    }
}
