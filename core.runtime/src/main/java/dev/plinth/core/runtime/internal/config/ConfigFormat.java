package dev.plinth.core.runtime.internal.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.plinth.core.runtime.config.ConfigException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/** The file formats of config files, chosen by extension. */
enum ConfigFormat {
    JSON(".json", () -> JsonMapper.builder().build()),
    TOML(".toml", () -> TomlMapper.builder().build());

    private final String extension;
    private final Supplier<ObjectMapper> mapperFactory;

    ConfigFormat(String extension, Supplier<ObjectMapper> mapperFactory) {
        this.extension = extension;
        this.mapperFactory = mapperFactory;
    }

    ObjectMapper newMapper() {
        return mapperFactory.get();
    }

    /**
     * The format of a file.
     *
     * @throws ConfigException when its extension is neither {@code .json} nor {@code .toml}
     */
    static ConfigFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ConfigFormat format : values()) {
            if (name.endsWith(format.extension)) {
                return format;
            }
        }
        throw new ConfigException("ERR_INVALID_NAME: " + file + " is neither a .json nor a .toml file");
    }
}
