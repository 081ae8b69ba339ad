package dev.plinth.ops.internal.metrics;

import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.runtime.tick.TickObserver;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The game loop as metrics: {@code plinth_tick_duration_seconds} (a histogram of every tick's duration, with
 * buckets around the 50 ms budget), {@code plinth_tps} (ticks per second over the last 100 ticks) and
 * {@code plinth_players_online}.
 *
 * <p>{@link #tickEnded} runs on the game thread once per tick (it records the duration and reads the player count
 * there, the only thread where players may be read); the gauges are read on the scraping thread.
 */
final class TickMeters implements TickObserver {

    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(35), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)};

    private final Timer ticks;
    private final IntSupplier onlinePlayers;
    private volatile int players;

    /**
     * Registers the meters.
     *
     * @param registry the registry
     * @param game the game loop, for the ticks per second
     * @param onlinePlayers how many players are online, read on the game thread
     */
    TickMeters(MeterRegistry registry, GameThread game, IntSupplier onlinePlayers) {
        this.onlinePlayers = onlinePlayers;
        this.ticks = Timer.builder("plinth.tick.duration")
                .description("How long each game tick took (the budget is 50 ms at 20 ticks per second)")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        Gauge.builder("plinth.tps", game, g -> g.statistics().last5s().tps())
                .description("Ticks per second over the last 100 ticks (20 at full speed)")
                .register(registry);
        Gauge.builder("plinth.players.online", this, m -> m.players)
                .description("Players online")
                .register(registry);
    }

    @Override
    public void tickEnded(long tick, long durationNanos) {
        ticks.record(durationNanos, TimeUnit.NANOSECONDS);
        players = onlinePlayers.getAsInt();
    }
}
