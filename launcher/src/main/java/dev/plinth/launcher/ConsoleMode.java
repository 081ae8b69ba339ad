package dev.plinth.launcher;

/**
 * How the instance talks to the person or program that started it.
 *
 * <p>The launcher passes the mode to the framework as the {@code plinth.console.mode} property; the
 * {@code dev.plinth.console} bundle reads it.
 */
public enum ConsoleMode {
    /** The Gogo shell prompt on a terminal. */
    INTERACTIVE,
    /** Standard input is not a terminal: run its lines as commands once startup has finished, then shut down. */
    BATCH,
    /** Run the one command given with {@code --exec}, then shut down. */
    EXEC;

    /** The value of the {@code plinth.console.mode} framework property for this mode. */
    public String propertyValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
