package dev.plinth.lang.wasm.internal.binding;

import dev.plinth.core.runtime.scheduler.Task;
import dev.plinth.core.sandbox.watchdog.Overrun;
import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.engine.GuestMemory;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the host functions of one plugin work with: its name, its services, its log, its fuel account and memory
 * access, and, once instantiated, its module instance (host functions that call back into the module, such as
 * {@code alloc}, need it).
 *
 * <p>Thread-safe: the instance is set once, before any host function runs.
 */
public final class PluginContext {

    private final String name;
    private final String file;
    private final String prefix;
    private final HostServices services;
    private final PluginLog log;
    private final FuelMeter meter;
    private final GuestMemory memory;
    private final int maxTasks;
    private final List<Task> tasks = new ArrayList<>();
    private volatile @Nullable Guest guest;

    /**
     * Creates the context.
     *
     * @param name the resource name
     * @param file the module file, for messages
     * @param services the plugin's services
     * @param log the plugin's log
     * @param meter its fuel account
     * @param maxTasks the scheduled tasks it may have at once ({@code sandbox.max_tasks})
     */
    public PluginContext(String name, String file, HostServices services, PluginLog log, FuelMeter meter,
            int maxTasks) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
        this.prefix = name + ": " + file;
        this.services = Objects.requireNonNull(services, "services");
        this.log = Objects.requireNonNull(log, "log");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.memory = new GuestMemory(meter);
        this.maxTasks = maxTasks;
    }

    /**
     * Schedules a task of the plugin, within its task limit: tasks that ended or were cancelled make room again.
     *
     * @param function the host function scheduling it, for the message
     * @param schedule schedules the task
     * @return the task, or empty (with a line in the plugin's log) when the plugin has as many tasks as it may
     */
    public Optional<Task> schedule(String function, Supplier<Task> schedule) {
        if (tasks.size() >= maxTasks) {
            tasks.removeIf(task -> !task.isScheduled());
            if (tasks.size() >= maxTasks) {
                log.log(PluginLog.Level.ERROR, function + " refused: the plugin has " + tasks.size()
                        + " scheduled tasks, its limit (sandbox.max_tasks)");
                return Optional.empty();
            }
        }
        Task task = schedule.get();
        tasks.add(task);
        return Optional.of(task);
    }

    /**
     * The watchdog found one of the plugin's calls past its bound: the instance stops it (or, while it is being
     * instantiated, the call's thread is interrupted).
     *
     * @param overrun the call
     */
    public void interrupted(Overrun overrun) {
        Guest current = guest;
        if (current != null) {
            current.interrupted(overrun);
        } else {
            overrun.thread().interrupt();
        }
    }

    /** {@return the resource name} */
    public String name() {
        return name;
    }

    /** {@return the module file in the resource} */
    public String file() {
        return file;
    }

    /**
     * Where a handler of the plugin is, for the bus's statistics and logs.
     *
     * @param export the export the handler calls
     * @return {@code plugin.wasm:on_player_chat}
     */
    public String location(String export) {
        return file + ":" + export;
    }

    /** {@return the resource and module file, as messages start} */
    public String prefix() {
        return prefix;
    }

    /** {@return the plugin's services} */
    public HostServices services() {
        return services;
    }

    /** {@return the plugin's log} */
    public PluginLog log() {
        return log;
    }

    /** {@return the plugin's fuel account} */
    public FuelMeter meter() {
        return meter;
    }

    /** {@return checked access to the plugin's memory} */
    public GuestMemory memory() {
        return memory;
    }

    /**
     * The module instance.
     *
     * @return the instance
     * @throws IllegalStateException before it is set
     */
    public Guest guest() {
        Guest current = guest;
        if (current == null) {
            throw new IllegalStateException(prefix + " is not instantiated yet");
        }
        return current;
    }

    /**
     * Sets the module instance, once.
     *
     * @param instance the instance
     * @throws IllegalStateException when it is set already
     */
    public void attach(Guest instance) {
        if (guest != null) {
            throw new IllegalStateException(prefix + " is instantiated already");
        }
        guest = Objects.requireNonNull(instance, "instance");
    }
}
