package dev.plinth.core.http.internal;

import dev.plinth.core.http.PlinthHttp;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code http} key of {@code conf/server.json}: where the server listens.
 *
 * @param port the TCP port, {@code 0} for no HTTP server
 * @param host the address to bind, the loopback address unless the owner opens it ({@code 0.0.0.0} for every
 *     interface)
 */
public record HttpSettings(@Nullable Integer port, @Nullable String host) {

    /** Every key at its default: port 30120 on the loopback address. */
    public static final HttpSettings DEFAULTS = new HttpSettings(null, null);

    /**
     * Fills in the defaults and checks the values.
     *
     * @throws IllegalArgumentException when the port is outside 0..65535 or the host is blank
     */
    public HttpSettings {
        port = Objects.requireNonNullElse(port, PlinthHttp.DEFAULT_PORT);
        host = Objects.requireNonNullElse(host, PlinthHttp.DEFAULT_HOST);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http.port must be between 0 (off) and 65535, not " + port);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("http.host must name an address such as 127.0.0.1 or 0.0.0.0");
        }
    }

    /** {@return whether the server listens at all} */
    public boolean enabled() {
        return port != 0;
    }

    /** {@return the address as a URL, {@code http://127.0.0.1:30120}} */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
