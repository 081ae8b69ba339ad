package dev.plinth.ops.internal.logs;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * The shell commands of the per-resource logs (scope {@code log}):
 * <ul>
 *   <li>{@code log:tail NAME [LINES]} — the last lines (20 unless told) of one resource's {@code latest.log};</li>
 *   <li>{@code log:level NAME LEVEL} — one resource's log level, live ({@code TRACE DEBUG INFO WARN ERROR AUDIT}):
 *       every logger of its bundle's logger context is set to it.</li>
 * </ul>
 * A missing argument prints the usage; an unknown resource is {@code ERR_NOT_FOUND}.
 *
 * <p>Commands run on the shell's thread.
 */
@Component(service = LogCommands.class, property = {"osgi.command.scope=log", "osgi.command.function=tail",
    "osgi.command.function=level"})
public final class LogCommands {

    static final int DEFAULT_LINES = 20;
    private static final String TAIL_USAGE = "usage: log:tail NAME [LINES] (the last lines of a resource's log)";
    private static final String LEVEL_USAGE = "usage: log:level NAME LEVEL (LEVEL: TRACE, DEBUG, INFO, WARN, ERROR)";

    private final ResourceService resources;
    private final ResourceLogFiles files;
    private final LoggerAdmin admin;

    /**
     * Creates the commands.
     *
     * @param resources the resources, to check names and find bundles
     * @param files where each resource's log is
     * @param admin the Log Service's levels
     */
    @Activate
    public LogCommands(@Reference ResourceService resources, @Reference ResourceLogFiles files,
            @Reference LoggerAdmin admin) {
        this.resources = resources;
        this.files = files;
        this.admin = admin;
    }

    /**
     * {@code log:tail} without a name.
     *
     * @return never
     * @throws IllegalArgumentException always, with the usage
     */
    @Descriptor("print the last lines of a resource's log file (data/NAME/logs/latest.log)")
    public String tail() {
        throw new IllegalArgumentException(TAIL_USAGE);
    }

    /**
     * {@code log:tail NAME}: the last {@value #DEFAULT_LINES} lines.
     *
     * @param name the resource
     * @return the lines
     * @throws ResourceException {@code ERR_NOT_FOUND}
     * @throws IOException when the log file cannot be read
     */
    @Descriptor("print the last 20 lines of a resource's log file (data/NAME/logs/latest.log)")
    public String tail(@Descriptor("the resource name") String name) throws IOException {
        return tail(name, DEFAULT_LINES);
    }

    /**
     * {@code log:tail NAME LINES}.
     *
     * @param name the resource
     * @param lines how many lines, from 1
     * @return the lines
     * @throws ResourceException {@code ERR_NOT_FOUND}
     * @throws IllegalArgumentException when {@code lines} is below 1
     * @throws IOException when the log file cannot be read
     */
    @Descriptor("print the last lines of a resource's log file (data/NAME/logs/latest.log)")
    public String tail(@Descriptor("the resource name") String name,
            @Descriptor("how many lines") int lines) throws IOException {
        if (lines < 1) {
            throw new IllegalArgumentException("LINES must be 1 or more, not " + lines + "; " + TAIL_USAGE);
        }
        resources.info(name); // ERR_NOT_FOUND for an unknown name
        Path file = files.latest(name).orElseThrow(() -> new IllegalStateException(
                "no instance home (plinth.home): resource logs are not written"));
        List<String> all;
        try {
            all = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return name + " has logged nothing yet (" + file + " does not exist).";
        }
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * {@code log:level} without arguments, or with a name only.
     *
     * @param name ignored
     * @return never
     * @throws IllegalArgumentException always, with the usage
     */
    @Descriptor("set one resource's log level, live")
    public String level(@Descriptor("the resource name") String... name) {
        throw new IllegalArgumentException(LEVEL_USAGE);
    }

    /**
     * {@code log:level NAME LEVEL}.
     *
     * @param name the resource
     * @param level the new level
     * @return what changed
     * @throws ResourceException {@code ERR_NOT_FOUND}
     * @throws IllegalArgumentException for an unknown level
     */
    @Descriptor("set one resource's log level, live")
    public String level(@Descriptor("the resource name") String name,
            @Descriptor("TRACE, DEBUG, INFO, WARN or ERROR") String level) {
        LogLevel wanted;
        try {
            wanted = LogLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown level '" + level + "'; " + LEVEL_USAGE, e);
        }
        resources.info(name);
        Bundle bundle = resources.bundle(name).orElseThrow(() -> new ResourceException(
                ResourceErrorCode.ERR_NOT_FOUND, name, name + " has no bundle (its manifest failed to deploy)"));
        LoggerContext context = admin.getLoggerContext(bundle.getSymbolicName());
        Map<String, LogLevel> levels = new HashMap<>(context.getLogLevels());
        LogLevel before = levels.getOrDefault(org.osgi.service.log.Logger.ROOT_LOGGER_NAME,
                admin.getLoggerContext(null).getEffectiveLogLevel(org.osgi.service.log.Logger.ROOT_LOGGER_NAME));
        levels.replaceAll((logger, old) -> wanted);
        levels.put(org.osgi.service.log.Logger.ROOT_LOGGER_NAME, wanted);
        context.setLogLevels(levels);
        return name + ": log level " + wanted + " (was " + before + ")";
    }
}
