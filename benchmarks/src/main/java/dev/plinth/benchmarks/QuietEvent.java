package dev.plinth.benchmarks;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventName;
import java.util.Map;

/** An event nobody listens to. */
@EventName(QuietEvent.NAME)
public final class QuietEvent implements Event {

    /** Its name. */
    public static final String NAME = "bench:quiet";

    /** Creates the event. */
    public QuietEvent() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of();
    }
}
