package dev.plinth.ops.internal.console;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code webconsole} key of {@code conf/server.json}: who may log in to the web console.
 *
 * @param user the user name
 * @param password the password's hash, as {@code plinth:passwd} writes it ({@link PasswordHash}); never the password
 */
public record ConsoleSettings(@Nullable String user, @Nullable String password) {

    /** No credentials: the console is off. */
    public static final ConsoleSettings NONE = new ConsoleSettings(null, null);

    /** {@return the user and hash, when both are set} */
    Optional<ConsoleSettings> complete() {
        return user != null && !user.isBlank() && password != null && !password.isBlank()
                ? Optional.of(this) : Optional.empty();
    }
}
