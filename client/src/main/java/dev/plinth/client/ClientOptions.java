package dev.plinth.client;

import dev.plinth.client.protocol.Protocol;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * How a client connects. Build it with {@link #builder(URI, String)}.
 *
 * @param server the server's HTTP address ({@code http://127.0.0.1:30120})
 * @param name the player's name
 * @param cache the cache folder: files by hash ({@code DIR/<hash>}), partial downloads beside them
 * @param maxBytesPerSecond a cap on its download rate, if any
 * @param output where it prints what a user of {@code bin/plinth-client} reads (join, transfer, scripts' prints)
 * @param progressBar whether the output is a terminal that shows a progress bar (else progress lines)
 * @param version the client's version, for the mods' {@code @client} requirements
 */
public record ClientOptions(URI server, String name, Path cache, OptionalLong maxBytesPerSecond,
        Consumer<String> output, boolean progressBar, String version) {

    /** Validates the components. */
    public ClientOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(maxBytesPerSecond, "maxBytesPerSecond");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Starts the options of a client.
     *
     * @param server the server's HTTP address
     * @param name the player's name
     * @return the builder, its cache in {@code ~/.cache/plinth-client}, no rate cap, no output
     */
    public static Builder builder(URI server, String name) {
        return new Builder(server, name);
    }

    /** Builds {@link ClientOptions}. Not thread-safe. */
    public static final class Builder {
        private final URI server;
        private final String name;
        private Path cache = Path.of(System.getProperty("user.home"), ".cache", "plinth-client");
        private OptionalLong maxBytesPerSecond = OptionalLong.empty();
        private Consumer<String> output = line -> { };
        private boolean progressBar;
        private String version = Protocol.VERSION;

        Builder(URI server, String name) {
            this.server = Objects.requireNonNull(server, "server");
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Sets the cache folder.
         *
         * @param folder the folder (created when missing)
         * @return this builder
         */
        public Builder withCache(Path folder) {
            this.cache = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /**
         * Caps the download rate.
         *
         * @param bytesPerSecond at least 1
         * @return this builder
         * @throws IllegalArgumentException for less than 1
         */
        public Builder withMaxRate(long bytesPerSecond) {
            if (bytesPerSecond < 1) {
                throw new IllegalArgumentException("a rate cap is at least 1 byte per second, not " + bytesPerSecond);
            }
            this.maxBytesPerSecond = OptionalLong.of(bytesPerSecond);
            return this;
        }

        /**
         * Sets where the client prints.
         *
         * @param lines takes each line
         * @param terminal whether it is a terminal (a progress bar, redrawn in place)
         * @return this builder
         */
        public Builder withOutput(Consumer<String> lines, boolean terminal) {
            this.output = Objects.requireNonNull(lines, "lines");
            this.progressBar = terminal;
            return this;
        }

        /**
         * Sets the client's version.
         *
         * @param clientVersion for example {@code 0.1.0}
         * @return this builder
         */
        public Builder withVersion(String clientVersion) {
            this.version = Objects.requireNonNull(clientVersion, "clientVersion");
            return this;
        }

        /** {@return the options} */
        public ClientOptions build() {
            return new ClientOptions(server, name, cache, maxBytesPerSecond, output, progressBar, version);
        }
    }
}
