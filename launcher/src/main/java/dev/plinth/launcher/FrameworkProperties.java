package dev.plinth.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.felix.framework.util.Util;

/**
 * The framework configuration of one launch: the installation's {@code conf/framework.properties}, with
 * {@code ${plinth.home}} and {@code ${plinth.install}} substituted, plus the launch's own console settings.
 */
public final class FrameworkProperties {

    /** Framework property: the instance home folder. */
    public static final String HOME = "plinth.home";
    /** Framework property: the installation folder. */
    public static final String INSTALL = "plinth.install";
    /** Framework property: the {@link ConsoleMode} in lower case. */
    public static final String CONSOLE_MODE = "plinth.console.mode";
    /** Framework property: the command of {@code --exec}. */
    public static final String CONSOLE_EXEC = "plinth.console.exec";
    /** Framework property read by the Gogo shell bundle. */
    static final String GOSH_ARGS = "gosh.args";

    private FrameworkProperties() {}

    /**
     * Reads the properties file and adds the launch settings.
     *
     * @param file the installation's {@code conf/framework.properties}
     * @param options the launch
     * @return the configuration map for the framework factory
     * @throws LaunchException when the file cannot be read
     */
    public static Map<String, String> load(Path file, LaunchOptions options) {
        Map<String, String> config = new HashMap<>(read(file, Map.of(HOME, options.home().toString(),
                INSTALL, options.installDir().toString())));
        config.put(CONSOLE_MODE, options.consoleMode().propertyValue());
        options.execCommand().ifPresent(command -> config.put(CONSOLE_EXEC, command));
        if (options.consoleMode() != ConsoleMode.INTERACTIVE) {
            // The Gogo shell must not read standard input: the Plinth console does, line by line.
            config.put(GOSH_ARGS, "--nointeractive");
            // No terminal to set up: a plain one, without JLine's warning that the system terminal is missing.
            System.setProperty("org.jline.terminal.dumb", "true");
        }
        return config;
    }

    /**
     * Reads a properties file of the installation, its {@code ${...}} references substituted.
     *
     * @param file the file
     * @param variables properties set before the file's, which it may refer to ({@code plinth.install})
     * @return the properties, the variables among them
     * @throws LaunchException when the file cannot be read
     */
    static Map<String, String> read(Path file, Map<String, String> variables) {
        var raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new LaunchException("cannot read the framework configuration " + file + ": " + e, 1);
        }
        variables.forEach(raw::setProperty);
        Map<String, String> config = new HashMap<>();
        for (String key : raw.stringPropertyNames()) {
            config.put(key, Util.substVars(raw.getProperty(key), key, null, raw));
        }
        return config;
    }
}
