package dev.plinth.core.resource.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A burst of changes is one sync once it settles, with every source that changed in it. */
class ChangeBurstsTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final List<Set<String>> syncs = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }


    private void settleFully() throws Exception {
        Thread.sleep(400);
        executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aBurstOfChangesIsOneSyncOfEverySourceInIt() throws Exception {
        var bursts = new ChangeBursts(executor, () -> Duration.ofMillis(200), syncs::add);

        for (int i = 0; i < 10; i++) {
            bursts.changed(Optional.of("[gameplay]/chat"));
            bursts.changed(Optional.of("hud"));
        }
        settleFully();

        assertEquals(List.of(Set.of("[gameplay]/chat", "hud")), syncs);
    }

    @Test
    void lostNotificationsAskForEverything() throws Exception {
        var bursts = new ChangeBursts(executor, () -> Duration.ofMillis(50), syncs::add);

        bursts.changed(Optional.of("hud"));
        bursts.changed(Optional.empty());
        settleFully();

        assertEquals(List.of(Set.of(ChangeBursts.EVERYTHING)), syncs);
    }

    @Test
    void changesAfterASyncAreTheNextOne() throws Exception {
        var bursts = new ChangeBursts(executor, () -> Duration.ofMillis(50), syncs::add);

        bursts.changed(Optional.of("a"));
        settleFully();
        bursts.changed(Optional.of("b"));
        settleFully();

        assertEquals(List.of(Set.of("a"), Set.of("b")), syncs);
    }
}
