package dev.plinth.core.resource.internal.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plinth.core.resource.ResourceService;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The keys of {@code conf/server.json} that core.resource reads; the other modules' keys are ignored, and a missing
 * key takes its default.
 *
 * @param startupResources {@code StartupResources}: the resources started at boot, with their dependencies; an
 *     empty list starts none
 * @param adminResources {@code AdminResources}: the resources allowed to start, stop and restart resources
 * @param timeouts {@code ResourceTimeouts}: how long lifecycle transitions may take
 * @param hotReload {@code ResourceHotReload}: whether every started resource whose files changed is reloaded at once
 *     (otherwise only those in development mode are, and the others get the change at their next
 *     {@code resource:restart})
 * @param devResources {@code DevResources}: the resources in development mode from the start (a list, or
 *     {@code "*"}); {@code resource:watch} and {@code resource:unwatch} change it while the server runs
 * @param maxStateKb {@code HotReloadMaxStateKb}: the largest state a resource hands to its next version, in KiB of
 *     JSON (default 1024)
 * @param debounceMs {@code HotReloadDebounceMs}: how long a resource's files must stay unchanged after a change
 *     before it is reloaded, so that a burst of writes (an editor's save, a compiler's output) is one reload
 *     (default 50, at most 10000)
 */
public record ResourceSettings(
        @JsonProperty("StartupResources") List<String> startupResources,
        @JsonProperty("AdminResources") List<String> adminResources,
        @JsonProperty("ResourceTimeouts") Timeouts timeouts,
        @JsonProperty("ResourceHotReload") Boolean hotReload,
        @JsonProperty("DevResources") DevResources devResources,
        @JsonProperty("HotReloadMaxStateKb") Integer maxStateKb,
        @JsonProperty("HotReloadDebounceMs") Integer debounceMs) {

    /** Every key at its default. */
    public static final ResourceSettings DEFAULTS = new ResourceSettings(null, null, null, null, null, null, null);
    private static final int DEFAULT_MAX_STATE_KB = 1024;
    private static final int DEFAULT_DEBOUNCE_MS = 50;
    private static final int MAX_DEBOUNCE_MS = 10_000;

    /** Fills in the defaults. */
    public ResourceSettings {
        startupResources = List.copyOf(Objects.requireNonNullElse(startupResources, List.of()));
        adminResources = List.copyOf(Objects.requireNonNullElse(adminResources, List.of()));
        timeouts = Objects.requireNonNullElse(timeouts, new Timeouts(null, null, null));
        hotReload = Objects.requireNonNullElse(hotReload, false);
        devResources = Objects.requireNonNullElse(devResources, DevResources.NONE);
        maxStateKb = maxStateKb == null || maxStateKb < 1 ? DEFAULT_MAX_STATE_KB : maxStateKb;
        debounceMs = debounceMs == null || debounceMs < 0 ? DEFAULT_DEBOUNCE_MS : Math.min(debounceMs, MAX_DEBOUNCE_MS);
    }

    /** {@return the largest reload state, in bytes} */
    public int maxStateBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 8L, maxStateKb * 1024L);
    }

    /** {@return how long a burst of changes is waited out} */
    public Duration debounce() {
        return Duration.ofMillis(debounceMs);
    }

    /**
     * {@code ResourceTimeouts}, in seconds (fractions allowed).
     *
     * @param start {@code Start}: a start, default 15
     * @param stop {@code Stop}: a stop, default 10
     * @param restart {@code Restart}: a whole restart, default 30
     */
    public record Timeouts(@JsonProperty("Start") Double start, @JsonProperty("Stop") Double stop,
            @JsonProperty("Restart") Double restart) {

        /** Fills in the defaults. */
        public Timeouts {
            start = positive(start, ResourceService.START_TIMEOUT);
            stop = positive(stop, ResourceService.STOP_TIMEOUT);
            restart = positive(restart, ResourceService.RESTART_TIMEOUT);
        }

        /** {@return the start timeout} */
        public Duration startTimeout() {
            return seconds(start);
        }

        /** {@return the stop timeout} */
        public Duration stopTimeout() {
            return seconds(stop);
        }

        /** {@return the restart timeout} */
        public Duration restartTimeout() {
            return seconds(restart);
        }

        private static Double positive(Double seconds, Duration fallback) {
            return seconds == null || seconds <= 0 ? fallback.toMillis() / 1000.0 : seconds;
        }

        private static Duration seconds(double seconds) {
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
    }
}
