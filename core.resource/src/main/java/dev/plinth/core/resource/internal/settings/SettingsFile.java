package dev.plinth.core.resource.internal.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.runtime.config.ParseProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The instance's {@code conf/server.json}, read again whenever it changed (its size or modification time), so an
 * edited timeout or grant applies without a restart. A missing file gives the defaults; a malformed one is
 * reported once with its line and column, and the last good settings (or the defaults) stay in force.
 *
 * <p>Thread-safe.
 */
public final class SettingsFile {

    private final Optional<Path> file;
    private final Consumer<String> problems;
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private String stamp = "";
    private ResourceSettings settings = ResourceSettings.DEFAULTS;

    /**
     * Watches a settings file.
     *
     * @param file the file, or empty when the framework has no instance home (the defaults apply)
     * @param problems told, once per change, why the file cannot be used
     */
    public SettingsFile(Optional<Path> file, Consumer<String> problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * The settings now in force.
     *
     * @return the settings, read again when the file changed
     */
    public synchronized ResourceSettings current() {
        if (file.isEmpty()) {
            return settings;
        }
        Path path = file.get();
        String now;
        try {
            var attributes = Files.readAttributes(path, BasicFileAttributes.class);
            now = attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (NoSuchFileException e) {
            now = "missing";
        } catch (IOException e) {
            return settings;
        }
        if (!now.equals(stamp)) {
            stamp = now;
            settings = now.equals("missing") ? ResourceSettings.DEFAULTS : read(path);
        }
        return settings;
    }

    private ResourceSettings read(Path path) {
        try {
            return mapper.readValue(path.toFile(), ResourceSettings.class);
        } catch (JacksonException e) {
            ParseProblem problem = ParseProblem.of(e);
            var where = problem.line() == 0 ? "" : " line " + problem.line() + " column " + problem.column();
            problems.accept(path + where + ": " + problem.reason() + "; keeping the previous resource settings");
        } catch (IOException e) {
            problems.accept("cannot read " + path + ": " + e.getMessage());
        }
        return settings;
    }
}
