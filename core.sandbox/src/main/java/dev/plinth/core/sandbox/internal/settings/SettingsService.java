package dev.plinth.core.sandbox.internal.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.runtime.config.ParseProblem;
import dev.plinth.core.sandbox.limits.DeclaredLimits;
import dev.plinth.core.sandbox.limits.ResolvedLimits;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.core.sandbox.limits.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link SandboxSettings} service: {@code conf/server.json} of the instance home (framework property
 * {@code plinth.home}), read again when its size or modification time changed. A malformed file is logged once per
 * change and the defaults apply.
 *
 * <p>Thread-safe: the current reading is swapped atomically.
 */
@Component(service = {SandboxSettings.class, SettingsService.class}, immediate = true)
public final class SettingsService implements SandboxSettings {

    /** The framework property naming the instance home. */
    public static final String HOME = "plinth.home";

    private final Optional<Path> file;
    private final Consumer<String> errors;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile Reading reading = new Reading("", SandboxConfig.DEFAULTS);

    /**
     * Reads the settings of the framework's home.
     *
     * @param context the bundle context, for {@code plinth.home}
     * @param loggers where a malformed file is reported
     */
    @Activate
    public SettingsService(BundleContext context, @Reference LoggerFactory loggers) {
        Logger log = loggers.getLogger(SettingsService.class);
        this.file = Optional.ofNullable(context.getProperty(HOME)).map(home -> Path.of(home, "conf", "server.json"));
        this.errors = message -> log.error("{}", message);
    }

    /**
     * Settings read from a file, outside a framework (tests, tools).
     *
     * @param file the {@code server.json}, if any
     * @param errors told when it is malformed
     */
    public SettingsService(Optional<Path> file, Consumer<String> errors) {
        this.file = file;
        this.errors = errors;
    }

    /**
     * The current reading of the file.
     *
     * @return the settings
     */
    public SandboxConfig config() {
        if (file.isEmpty()) {
            return SandboxConfig.DEFAULTS;
        }
        String stamp = stamp(file.get());
        Reading current = reading;
        if (stamp.equals(current.stamp())) {
            return current.config();
        }
        SandboxConfig config = read(file.get());
        reading = new Reading(stamp, config);
        return config;
    }

    @Override
    public SandboxLimits defaults() {
        return config().defaults();
    }

    @Override
    public ResolvedLimits resolve(String resource, String manifest, DeclaredLimits declared) {
        return config().resolve(resource, manifest, declared);
    }

    @Override
    public JsonNode section(String key) {
        return config().root().path(key);
    }

    private SandboxConfig read(Path path) {
        if (!Files.isRegularFile(path)) {
            return SandboxConfig.DEFAULTS;
        }
        try {
            return SandboxConfig.parse(mapper.readTree(path.toFile()), path.toString());
        } catch (JacksonException e) {
            ParseProblem problem = ParseProblem.of(e);
            errors.accept(path + (problem.line() == 0 ? "" : " line " + problem.line()) + ": " + problem.reason()
                    + "; the sandbox uses its defaults");
            return SandboxConfig.DEFAULTS;
        } catch (IOException | IllegalArgumentException e) {
            errors.accept(path + ": " + e.getMessage() + "; the sandbox uses its defaults");
            return SandboxConfig.DEFAULTS;
        }
    }

    private static String stamp(Path path) {
        try {
            var attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    private record Reading(String stamp, SandboxConfig config) {}
}
