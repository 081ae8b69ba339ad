package dev.plinth.core.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.Subscription;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EventBus#posts()}: what the metrics show as events posted per name. */
class PostCountsTest {

    private final EventDispatcher dispatcher = new EventDispatcher(64);
    private final EventBus bus = dispatcher.open("test");

    @Test
    void countsPostsPerNameWithOrWithoutHandlers() {
        Subscription subscription = bus.subscribe("demo:ping", HandlerOptions.defaults(), event -> { });
        for (int i = 0; i < 3; i++) {
            bus.post("demo:ping", Map.of());
        }
        bus.post("demo:nobody", Map.of());
        bus.post("demo:nobody_either", Map.of());

        assertEquals(Map.of("demo:ping", 3L, "other", 2L), bus.posts());

        subscription.close();
        bus.post("demo:ping", Map.of());
        assertEquals(Map.of("demo:ping", 3L, "other", 3L), bus.posts(),
                "the counts of a name whose last handler went away are kept");
    }
}
