package dev.plinth.core.runtime.testing;

import dev.plinth.core.runtime.internal.command.BundleCommands;
import dev.plinth.core.runtime.internal.command.CommandTable;
import dev.plinth.core.runtime.internal.config.ConfigFiles;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.permission.PermissionStore;
import dev.plinth.core.runtime.internal.scheduler.BundleScheduler;
import dev.plinth.core.runtime.internal.scheduler.TaskQueue;
import dev.plinth.core.runtime.internal.settings.ServerConfig;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import dev.plinth.core.runtime.internal.sim.SimServer;
import dev.plinth.core.runtime.internal.sim.SimulationService;
import dev.plinth.core.runtime.internal.tick.GameLoop;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The components of core.runtime wired by hand, as Declarative Services would wire them, around the real event bus
 * (recording what is posted), with the clock paused: tests drive it with {@link #simulation()} and {@link #onGame}.
 */
public final class TestServer implements AutoCloseable {

    public final RecordingEventBus bus = new RecordingEventBus();
    public final TestLogger log = new TestLogger();
    public final ServerSettings settings;
    public final ConfigFiles files = new ConfigFiles();
    public final GameLoop loop;
    public final PermissionStore permissions;
    public final CommandTable commands;
    public final TaskQueue tasks;
    public final SimServer server;
    public final SimulationService simulation;

    /**
     * Starts a server whose home is a folder.
     *
     * @param home the instance home
     * @param config the settings of its {@code conf/server.json}
     */
    public TestServer(Path home, ServerConfig config) {
        ServerConfig paused = new ServerConfig(config.name(), config.commands(), config.permissions(), config.forms(),
                new ServerConfig.Game(config.game().keepInventory(), true, config.game().version()));
        settings = new ServerSettings(Optional.of(home), paused);
        loop = new GameLoop(settings, log.logger());
        loop.start();
        permissions = new PermissionStore(settings, files, log.logger());
        commands = new CommandTable(settings, loop, log.logger());
        commands.start();
        tasks = new TaskQueue(loop, log.logger());
        tasks.start();
        server = new SimServer(bus, loop, permissions, commands, settings, log.logger());
        server.start();
        simulation = new SimulationService(loop, server);
    }

    /** Starts a server with the default settings. */
    public TestServer(Path home) {
        this(home, ServerConfig.DEFAULTS);
    }

    /** {@return the scheduler a resource of this name would get} */
    public BundleScheduler scheduler(String owner) {
        return new BundleScheduler(new Owner(owner), tasks);
    }

    /** {@return the command registry a resource of this name would get} */
    public BundleCommands commands(String owner) {
        return new BundleCommands(new Owner(owner), commands);
    }

    /** {@return the simulation: each call runs on the game thread and waits} */
    public SimulationService simulation() {
        return simulation;
    }

    /** Runs code on the game thread and waits for its result. */
    public <T> T onGame(Callable<T> work) {
        return loop.call(work);
    }

    /** Runs code on the game thread and waits. */
    public void run(Runnable work) {
        loop.call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        server.stop();
        tasks.stop();
        loop.stop();
    }
}
