package dev.plinth.benchmarks;

import dev.plinth.core.events.Event;
import java.util.Map;

/** An event nobody listens to. */
public final class QuietEvent implements Event {

    /** Creates the event. */
    public QuietEvent() {}

    @Override
    public String name() {
        return "bench:quiet";
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of();
    }
}
