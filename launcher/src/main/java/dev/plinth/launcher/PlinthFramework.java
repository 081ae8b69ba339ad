package dev.plinth.launcher;

import java.io.PrintStream;
import java.util.Map;

/**
 * One run of the Felix framework for an instance home: install the installation's bundles, start, wait until it
 * stops. A JVM shutdown (Ctrl-C, SIGTERM) stops the framework gracefully, so bundles stop in reverse order.
 *
 * <p>Not thread-safe: {@link #run()} is called once, from the launching thread.
 */
public final class PlinthFramework {

    /** Exit code when the framework itself fails to start or stops with an error. */
    public static final int FRAMEWORK_FAILED = 2;
    /**
     * The service property of the {@code java.util.function.IntConsumer} the launcher registers in the framework:
     * a bundle (the console, after a failed {@code --exec} command) hands it the exit code the process ends with
     * (the highest one given wins).
     */
    public static final String EXIT_STATUS = "plinth.exit.status";

    private final LaunchOptions options;
    private final PrintStream err;

    /**
     * Prepares a run; nothing starts until {@link #run()}.
     *
     * @param options the launch
     * @param err where launch failures are reported
     */
    public PlinthFramework(LaunchOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    /**
     * Starts the framework and blocks until it has stopped.
     *
     * @return the process exit code: 0 after a normal stop, {@link #FRAMEWORK_FAILED} otherwise, or what the console
     *     reported (1 when the command of {@code --exec} failed)
     * @throws LaunchException when the home or the configuration cannot be used, or another process holds the
     *     home ({@link HomeLock#HOME_IN_USE})
     */
    public int run() {
        try (HomeLock lock = HomeLock.acquire(options.home())) {
            return runLocked();
        }
    }

    /** Runs the framework once this process holds the home. */
    private int runLocked() {
        var home = new InstanceHome(options.home());
        home.prepare(options.installDir());
        Map<String, String> config =
                FrameworkProperties.load(options.installDir().resolve("conf").resolve("framework.properties"), options);
        return new FrameworkRun("plinth", options.installDir(), config, name -> true, err).run();
    }
}
