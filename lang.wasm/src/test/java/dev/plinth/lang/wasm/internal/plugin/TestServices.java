package dev.plinth.lang.wasm.internal.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.lang.wasm.internal.binding.HostServices;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Services for tests that run a plugin without a server: configuration files kept in memory; the server, commands,
 * scheduler and bus are missing, as they would be on a server that provides none (host functions that need them
 * trap with that message). In-framework tests run plugins against the real simulated server.
 */
final class TestServices implements HostServices {

    private final Map<String, Map<String, Object>> files = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** Puts a configuration file in place. */
    TestServices with(String file, Map<String, Object> values) {
        files.put(file, values);
        return this;
    }

    @Override
    public Server server() {
        throw new IllegalStateException("the server provides no Server");
    }

    @Override
    public Commands commands() {
        throw new IllegalStateException("the server provides no Commands");
    }

    @Override
    public Scheduler scheduler() {
        throw new IllegalStateException("the server provides no Scheduler");
    }

    @Override
    public EventBus events() {
        throw new IllegalStateException("the server provides no EventBus");
    }

    @Override
    public ConfigStore config() {
        return new ConfigStore() {
            @Override
            public Path folder() {
                return Path.of("data");
            }

            @Override
            public <T> Optional<T> load(String file, Class<T> type) {
                return Optional.ofNullable(files.get(file)).map(values -> json.convertValue(values, type));
            }

            @Override
            public <T> T loadOrCreate(String file, Class<T> type, T defaults) {
                return load(file, type).orElse(defaults);
            }

            @Override
            public Optional<Map<String, Object>> loadValues(String file) {
                return Optional.ofNullable(files.get(file));
            }

            @Override
            @SuppressWarnings("unchecked")
            public void save(String file, Object value) {
                files.put(file, json.convertValue(value, Map.class));
            }
        };
    }
}
