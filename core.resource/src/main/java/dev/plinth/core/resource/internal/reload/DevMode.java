package dev.plinth.core.resource.internal.reload;

import dev.plinth.core.resource.internal.settings.ResourceSettings;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which resources are in development mode, reloaded as soon as their files change: those {@code DevResources} lists
 * (or every one with {@code "*"}, or with the server-wide {@code ResourceHotReload}), changed while the server runs by
 * {@code resource:watch} and {@code resource:unwatch}, whose word is final for the resource they name until the server
 * stops.
 *
 * <p>Thread-safe.
 */
public final class DevMode {

    private final Supplier<ResourceSettings> settings;
    private final Map<String, Boolean> overrides = new ConcurrentHashMap<>();

    /**
     * Creates the mode.
     *
     * @param settings the settings now in force
     */
    public DevMode(Supplier<ResourceSettings> settings) {
        this.settings = settings;
    }

    /**
     * Whether a resource is reloaded when its files change.
     *
     * @param name the resource
     * @return {@code true} in development mode
     */
    public boolean watched(String name) {
        Boolean override = overrides.get(name);
        if (override != null) {
            return override;
        }
        ResourceSettings now = settings.get();
        return now.hotReload() || now.devResources().includes(name);
    }

    /**
     * Turns development mode on or off for one resource.
     *
     * @param name the resource
     * @param on whether it is watched
     * @return whether it was watched before
     */
    public boolean set(String name, boolean on) {
        boolean before = watched(name);
        overrides.put(name, on);
        return before;
    }

    /**
     * Forgets what {@code resource:watch} and {@code resource:unwatch} said of a resource: its folder is gone.
     *
     * @param name the resource
     */
    public void forget(String name) {
        overrides.remove(name);
    }

    /**
     * Where a resource's mode comes from, for the shell.
     *
     * @param name the resource
     * @return {@code resource:watch}, {@code resource:unwatch}, {@code DevResources} or {@code ResourceHotReload};
     *     empty when it is not watched by any of them
     */
    public Optional<String> reason(String name) {
        Boolean override = overrides.get(name);
        if (override != null) {
            return Optional.of(override ? "resource:watch" : "resource:unwatch");
        }
        ResourceSettings now = settings.get();
        if (now.devResources().includes(name)) {
            return Optional.of("DevResources");
        }
        return now.hotReload() ? Optional.of("ResourceHotReload") : Optional.empty();
    }
}
