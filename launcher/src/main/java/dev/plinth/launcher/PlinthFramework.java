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
     * @return the process exit code: 0 after a normal stop, {@link #FRAMEWORK_FAILED} otherwise
     * @throws LaunchException when the home or the configuration cannot be used
     */
    public int run() {
        var home = new InstanceHome(options.home());
        home.prepare(options.installDir());
        Map<String, String> config =
                FrameworkProperties.load(options.installDir().resolve("conf").resolve("framework.properties"), options);
        return new FrameworkRun("plinth", options.installDir(), config, name -> true, context -> { }, err).run();
    }
}
