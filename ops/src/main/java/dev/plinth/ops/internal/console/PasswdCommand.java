package dev.plinth.ops.internal.console;

import dev.plinth.core.runtime.config.ServerConfigFile;
import java.util.LinkedHashMap;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code plinth:passwd USER PASSWORD}: sets the web console's user and password. Only the password's hash is written
 * ({@code webconsole} of {@code conf/server.json}, atomically, the other keys kept), and the console uses it at once.
 *
 * <p>Runs on the shell's thread.
 */
@Component(service = PasswdCommand.class, property = {"osgi.command.scope=plinth", "osgi.command.function=passwd"})
public final class PasswdCommand {

    static final int MIN_LENGTH = 8;
    private static final String USAGE = "usage: plinth:passwd USER PASSWORD (the web console's login; "
            + "the password needs " + MIN_LENGTH + " characters or more)";

    private final ServerConfigFile config;
    private final ConsoleAccess access;

    /**
     * Creates the command.
     *
     * @param config {@code conf/server.json}
     * @param access the console's login, reloaded after the change
     */
    @Activate
    public PasswdCommand(@Reference ServerConfigFile config, @Reference ConsoleAccess access) {
        this.config = config;
        this.access = access;
    }

    /**
     * {@code plinth:passwd} with missing arguments.
     *
     * @param given what was given
     * @return never
     * @throws IllegalArgumentException always, with the usage
     */
    @Descriptor("set the web console's user and password (conf/server.json keeps only a hash)")
    public String passwd(@Descriptor("USER PASSWORD") String... given) {
        throw new IllegalArgumentException(USAGE);
    }

    /**
     * {@code plinth:passwd USER PASSWORD}.
     *
     * @param user the user name
     * @param password the password
     * @return what was done
     * @throws IllegalArgumentException for a blank user or a short password
     */
    @Descriptor("set the web console's user and password (conf/server.json keeps only a hash)")
    public String passwd(@Descriptor("the user name") String user, @Descriptor("the password") String password) {
        if (user.isBlank() || user.contains(":")) {
            throw new IllegalArgumentException("the user name must not be blank or contain ':'; " + USAGE);
        }
        if (password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the password is shorter than " + MIN_LENGTH + " characters; " + USAGE);
        }
        var settings = new LinkedHashMap<String, Object>();
        settings.put("user", user);
        settings.put("password", PasswordHash.hash(password));
        config.write("webconsole", settings);
        access.reload();
        return "Web console login set for " + user + " (conf/server.json holds the password's hash); the console is "
                + "at " + access.root() + " on the HTTP port.";
    }
}
