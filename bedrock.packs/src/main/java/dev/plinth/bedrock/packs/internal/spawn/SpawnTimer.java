package dev.plinth.bedrock.packs.internal.spawn;

import dev.plinth.bedrock.packs.internal.host.PackHost;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.scheduler.Task;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.world.World;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Runs the packs' spawner by itself every {@code packs.spawn_interval_ticks} ticks of {@code conf/server.json}, in
 * every world; with the default 0 it never does, and {@code sim:spawncycle} runs a cycle by hand. What spawned is
 * logged at INFO, a cycle that spawned nothing at DEBUG. The task belongs to the pack host's bundle and stops with
 * it.
 *
 * <p>The cycles run on the game thread, as scheduled tasks.
 */
@Component(service = SpawnTimer.class, immediate = true)
public final class SpawnTimer {

    private final Spawner spawner;
    private final Server server;
    private final Logger log;
    private final @Nullable Task task;

    /**
     * Starts the timer when the settings ask for one.
     *
     * @param host the pack host: the started packs, the world services, the settings
     * @param scheduler the host bundle's scheduler
     * @param server the server, for its worlds
     * @param loggers the log
     */
    @Activate
    public SpawnTimer(@Reference PackHost host, @Reference Scheduler scheduler, @Reference Server server,
            @Reference LoggerFactory loggers) {
        this.spawner = new Spawner(host.registry(), host.world());
        this.server = server;
        this.log = loggers.getLogger(SpawnTimer.class);
        int interval = host.settings().spawnIntervalTicks();
        this.task = interval > 0 ? scheduler.runRepeating(interval, interval, this::cycle) : null;
        if (task != null) {
            log.info("pack spawner: a spawn cycle every {} ticks (packs.spawn_interval_ticks)", interval);
        }
    }

    /** Stops the timer. */
    @Deactivate
    void close() {
        if (task != null) {
            task.cancel();
        }
    }

    /** {@return the spawner, for {@code sim:spawncycle}} */
    public Spawner spawner() {
        return spawner;
    }

    private void cycle() {
        for (World world : server.worlds()) {
            SpawnCycle cycle = spawner.cycle(world);
            if (cycle.spawned() > 0) {
                cycle.lines().stream().filter(line -> line.contains(": spawned "))
                        .forEach(line -> log.info("spawn cycle in {}: {}", world.name(), line));
            } else {
                log.debug("spawn cycle in {}: nothing spawned", world.name());
            }
        }
    }
}
