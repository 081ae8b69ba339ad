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
 * @param hotReload {@code ResourceHotReload}: whether a started resource whose folder changed is restarted at once
 *     (otherwise the change applies at its next {@code resource:restart})
 */
public record ResourceSettings(
        @JsonProperty("StartupResources") List<String> startupResources,
        @JsonProperty("AdminResources") List<String> adminResources,
        @JsonProperty("ResourceTimeouts") Timeouts timeouts,
        @JsonProperty("ResourceHotReload") Boolean hotReload) {

    /** Every key at its default. */
    public static final ResourceSettings DEFAULTS = new ResourceSettings(null, null, null, null);

    /** Fills in the defaults. */
    public ResourceSettings {
        startupResources = List.copyOf(Objects.requireNonNullElse(startupResources, List.of()));
        adminResources = List.copyOf(Objects.requireNonNullElse(adminResources, List.of()));
        timeouts = Objects.requireNonNullElse(timeouts, new Timeouts(null, null, null));
        hotReload = Objects.requireNonNullElse(hotReload, false);
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
