package dev.plinth.core.runtime.config;

import java.nio.file.Path;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The instance's {@code conf/server.json}, for the modules that read their own keys from it (each reads its own
 * section and ignores the others) and for the commands that change one key ({@code plinth:passwd}).
 *
 * <p>Reads go to the file every time, so an edited file applies at the next read. A write replaces one top-level key
 * and keeps every other key as it was, atomically (temporary file, flush, rename): a failed write leaves the old
 * file whole.
 *
 * <p>Every method is thread-safe; each does file I/O and belongs off the game thread.
 */
@ProviderType
public interface ServerConfigFile {

    /**
     * Where the file is.
     *
     * @return {@code conf/server.json} in the instance home, or empty when the framework has no home (then reads
     *     give the defaults and writes fail)
     */
    Optional<Path> path();

    /**
     * Reads one top-level key into a type; keys the type does not know are ignored.
     *
     * @param <T> the type (a record with nullable components that fill in their defaults, or {@code Map})
     * @param key the key ({@code http}, {@code webconsole})
     * @param type the type
     * @return the value, or empty when the file or the key is missing
     * @throws ConfigParseException when the file is malformed or the key's value does not fit the type; the
     *     message names the file, line and column
     * @throws ConfigException when the file cannot be read
     */
    <T> Optional<T> read(String key, Class<T> type);

    /**
     * Replaces one top-level key, keeping the others.
     *
     * @param key the key
     * @param value its new value (records, maps, lists, strings, numbers, booleans)
     * @throws ConfigParseException when the file is malformed (it is left alone)
     * @throws ConfigException when there is no home or the file cannot be written; the old file stays whole
     */
    void write(String key, Object value);
}
