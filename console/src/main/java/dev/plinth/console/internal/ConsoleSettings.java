package dev.plinth.console.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;

/**
 * The console settings the launcher put in the framework properties.
 *
 * @param mode {@code interactive}, {@code batch} or {@code exec}
 * @param exec the command to run in {@code exec} mode
 * @param awaitConditions ids of OSGi conditions that mark the end of startup; commands run only once all are
 *     registered (for example the resource manager's "startup resources started or failed")
 * @param awaitTimeout how long to wait for them before running the commands anyway, with a warning
 */
record ConsoleSettings(String mode, Optional<String> exec, List<String> awaitConditions, Duration awaitTimeout) {

    static final String MODE = "plinth.console.mode";
    static final String EXEC = "plinth.console.exec";
    static final String AWAIT = "plinth.console.await";
    static final String AWAIT_TIMEOUT = "plinth.console.await.timeout.seconds";

    /** Whether this console reads commands itself instead of leaving the terminal to the Gogo shell. */
    boolean scripted() {
        return mode.equals("batch") || mode.equals("exec");
    }

    static ConsoleSettings from(BundleContext context) {
        String mode = Optional.ofNullable(context.getProperty(MODE)).orElse("interactive");
        String await = Optional.ofNullable(context.getProperty(AWAIT)).orElse("");
        List<String> conditions = Arrays.stream(await.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        long seconds = Long.parseLong(Optional.ofNullable(context.getProperty(AWAIT_TIMEOUT)).orElse("120"));
        return new ConsoleSettings(mode, Optional.ofNullable(context.getProperty(EXEC)), conditions,
                Duration.ofSeconds(seconds));
    }
}
