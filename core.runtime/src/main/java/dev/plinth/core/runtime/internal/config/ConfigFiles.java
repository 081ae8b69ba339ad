package dev.plinth.core.runtime.internal.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ConfigParseException;
import dev.plinth.core.runtime.config.ParseProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Reads and writes JSON and TOML files with Jackson: parse errors name the file, line and column; writes are
 * atomic (temporary file, flush to disk, rename), so a failed write leaves the old file whole.
 *
 * <p>Thread-safe: Jackson's mappers are, and every write goes through its own temporary file.
 */
@Component(immediate = true, service = ConfigFiles.class)
public final class ConfigFiles {

    private final Map<ConfigFormat, ObjectMapper> mappers = new EnumMap<>(ConfigFormat.class);

    /** Creates the mappers. */
    @Activate
    public ConfigFiles() {
        for (ConfigFormat format : ConfigFormat.values()) {
            mappers.put(format, format.newMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        }
    }

    /**
     * Reads a file into a type.
     *
     * @param file a {@code .json} or {@code .toml} file
     * @param type the type (a record, a bean, {@code Map})
     * @param lenient whether properties the type does not know are ignored rather than refused
     * @return the value, or empty when the file does not exist
     * @throws ConfigParseException when the file is malformed or does not fit the type
     * @throws ConfigException when the file cannot be read
     */
    public <T> Optional<T> read(Path file, Class<T> type, boolean lenient) {
        var reader = mapper(file).readerFor(type);
        if (lenient) {
            reader = reader.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
        try {
            byte[] content = Files.readAllBytes(file);
            T value = reader.readValue(content);
            if (value == null) {
                throw new ConfigParseException(file, 1, 1, "the file holds no value", null);
            }
            return Optional.of(value);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (JacksonException e) {
            ParseProblem problem = ParseProblem.of(e);
            throw new ConfigParseException(file, problem.line(), problem.column(), problem.reason(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Writes a value to a file atomically, creating its folder when missing.
     *
     * @param file a {@code .json} or {@code .toml} file
     * @param value what to write
     * @throws ConfigException when the value cannot be serialized or the file cannot be written; the old file
     *     stays whole
     */
    public void write(Path file, Object value) {
        byte[] content;
        try {
            content = mapper(file).writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new ConfigException("cannot write " + file + ": " + ParseProblem.of(e).reason(), e);
        }
        Path temp = null;
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            move(temp, file);
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + " (the previous content is unchanged): " + e, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless; the next write uses a new name
                }
            }
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private ObjectMapper mapper(Path file) {
        return mappers.get(ConfigFormat.of(file));
    }
}
