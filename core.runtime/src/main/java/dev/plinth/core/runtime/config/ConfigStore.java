package dev.plinth.core.runtime.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A resource's data folder ({@code data/<resource>/} in the instance home) and its config files, read and
 * written with Jackson as JSON ({@code .json}) or TOML ({@code .toml}) by their extension. Obtained as a
 * bundle-scoped OSGi service: each resource sees its own folder.
 *
 * <p>A save is atomic: the new content goes to a temporary file, is flushed to disk and then renamed over the old
 * file, so a crash leaves either the old or the new file, never half of one. A file that cannot be read is
 * reported with its path, line and column.
 *
 * <p>Every method is thread-safe; file access belongs off the game thread where it can (see
 * {@link dev.plinth.core.runtime.scheduler.Scheduler#runAsync}).
 */
@ProviderType
public interface ConfigStore {

    /**
     * The resource's data folder, created when missing.
     *
     * @return the folder
     * @throws ConfigException when it cannot be created
     */
    Path folder();

    /**
     * Reads a config file into a type (a record, a class with a default constructor, or {@code Map}).
     *
     * @param <T> the type
     * @param file a file name in the data folder, ending in {@code .json} or {@code .toml}
     * @param type the type
     * @return the value, or empty when the file does not exist
     * @throws ConfigParseException when the file is malformed or does not fit the type
     * @throws ConfigException when the name is not a plain {@code .json} / {@code .toml} file name or the file
     *     cannot be read
     */
    <T> Optional<T> load(String file, Class<T> type);

    /**
     * Reads a config file, or writes the defaults first when it does not exist.
     *
     * @param <T> the type
     * @param file a file name in the data folder, ending in {@code .json} or {@code .toml}
     * @param type the type
     * @param defaults what to write and return when the file is missing
     * @return the value in the file
     * @throws ConfigParseException when the file is malformed or does not fit the type
     * @throws ConfigException when the name is invalid or the file cannot be read or written
     */
    <T> T loadOrCreate(String file, Class<T> type, T defaults);

    /**
     * Reads a config file as plain values (strings, numbers, booleans, lists, maps), as scripts see it.
     *
     * @param file a file name in the data folder
     * @return the values, or empty when the file does not exist
     * @throws ConfigParseException when the file is malformed or is not an object
     * @throws ConfigException when the name is invalid or the file cannot be read
     */
    Optional<Map<String, Object>> loadValues(String file);

    /**
     * Writes a value to a config file, atomically.
     *
     * @param file a file name in the data folder, ending in {@code .json} or {@code .toml}
     * @param value a record, a bean or a map; TOML needs an object at the top
     * @throws ConfigException when the name is invalid or the file cannot be written (the old file stays whole)
     */
    void save(String file, Object value);
}
