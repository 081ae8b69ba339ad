package dev.plinth.lang.wasm.internal.binding;

import dev.plinth.lang.wasm.internal.engine.Guest;
import dev.plinth.lang.wasm.internal.engine.GuestMemory;
import dev.plinth.lang.wasm.internal.meter.FuelMeter;
import java.util.Objects;
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
    private final String prefix;
    private final HostServices services;
    private final PluginLog log;
    private final FuelMeter meter;
    private final GuestMemory memory;
    private volatile @Nullable Guest guest;

    /**
     * Creates the context.
     *
     * @param name the resource name
     * @param file the module file, for messages
     * @param services the plugin's services
     * @param log the plugin's log
     * @param meter its fuel account
     */
    public PluginContext(String name, String file, HostServices services, PluginLog log, FuelMeter meter) {
        this.name = Objects.requireNonNull(name, "name");
        this.prefix = name + ": " + Objects.requireNonNull(file, "file");
        this.services = Objects.requireNonNull(services, "services");
        this.log = Objects.requireNonNull(log, "log");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.memory = new GuestMemory(meter);
    }

    /** {@return the resource name} */
    public String name() {
        return name;
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
