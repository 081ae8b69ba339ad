package dev.plinth.core.runtime.event.server;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventName;
import java.util.Map;

/** A tick is running: posted on the game thread at the end of every tick, after the scheduled tasks. */
@EventName(ServerTickEvent.NAME)
public final class ServerTickEvent implements Event {

    /** The event's name. */
    public static final String NAME = "server_tick";

    private final long tick;

    /**
     * Creates the event.
     *
     * @param tick the tick's number
     */
    public ServerTickEvent(long tick) {
        this.tick = tick;
    }

    /**
     * The tick's number, from 1.
     *
     * @return the tick
     */
    public long tick() {
        return tick;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("tick", tick);
    }
}
