package dev.plinth.ops.internal.metrics;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code metrics} key of {@code conf/server.json}.
 *
 * @param token the bearer token a scraper must send ({@code Authorization: Bearer TOKEN}); none (the default) leaves
 *     {@code /metrics} open to whoever reaches the HTTP port (by default the loopback address only)
 */
public record MetricsSettings(@Nullable String token) {

    /** No token. */
    public static final MetricsSettings DEFAULTS = new MetricsSettings(null);

    /** {@return the token, unless none or a blank one is set} */
    public Optional<String> requiredToken() {
        return Optional.ofNullable(token).filter(t -> !t.isBlank());
    }
}
