package dev.plinth.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

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

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

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

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class)
                .findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/)", FRAMEWORK_FAILED));
        Framework framework = factory.newFramework(config);
        try {
            framework.init();
            var status = new AtomicInteger();
            framework.getBundleContext().registerService(IntConsumer.class,
                    code -> status.accumulateAndGet(code, Math::max), new Hashtable<>(Map.of(EXIT_STATUS, true)));
            Thread hook = Thread.ofPlatform().name("plinth-shutdown").unstarted(() -> stopGracefully(framework));
            Runtime.getRuntime().addShutdownHook(hook);
            installBundles(framework.getBundleContext());
            try {
                framework.start();
            } catch (IllegalStateException e) {
                // A SIGTERM during startup: the shutdown hook stopped the framework before it had started.
                if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                    throw e;
                }
            }
            FrameworkEvent stopped = framework.waitForStop(0);
            return switch (stopped.getType()) {
                case FrameworkEvent.STOPPED, FrameworkEvent.STOPPED_UPDATE, FrameworkEvent.STOPPED_SYSTEM_REFRESHED ->
                        status.get();
                default -> {
                    err.println("plinth: the framework stopped with an error: " + describe(stopped.getThrowable()));
                    yield FRAMEWORK_FAILED;
                }
            };
        } catch (BundleException e) {
            err.println("plinth: the framework failed to start: " + e.getMessage());
            return FRAMEWORK_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FRAMEWORK_FAILED;
        }
    }

    /** Installs every bundle of the installation's {@code bundle/} folder and marks the non-fragments for start. */
    private void installBundles(BundleContext context) {
        Path folder = options.installDir().resolve("bundle");
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
        } catch (IOException e) {
            throw new LaunchException("cannot list the bundles in " + folder + ": " + e, FRAMEWORK_FAILED);
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(context.installBundle(jar.toUri().toString()));
            } catch (BundleException | IllegalStateException e) {
                if (stopping(context)) {
                    return; // stopped (Ctrl-C, SIGTERM) while it started: nothing more to install
                }
                err.println("plinth: cannot install " + jar.getFileName() + ": " + e.getMessage());
            }
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get("Fragment-Host") != null) {
                continue;
            }
            try {
                bundle.start(); // before framework.start() this only marks it; it starts with the start level
            } catch (BundleException | IllegalStateException e) {
                if (stopping(context)) {
                    return;
                }
                err.println("plinth: cannot start " + bundle.getSymbolicName() + ": " + e.getMessage());
            }
        }
    }

    /** Whether the framework was told to stop while it is being set up. */
    private static boolean stopping(BundleContext context) {
        try {
            return context.getBundle(0).getState() != Bundle.STARTING;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private void stopGracefully(Framework framework) {
        int state = framework.getState();
        if ((state & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) == 0) {
            return; // already stopped: the normal way out
        }
        try {
            err.println("plinth: stopping gracefully: every bundle and resource stops in reverse order");
            if (state != Bundle.STOPPING) {
                framework.stop();
            }
            // The JVM exits when the hooks return: a stop already under way (shutdown command) must finish first.
            FrameworkEvent stopped = framework.waitForStop(SHUTDOWN_GRACE.toMillis());
            err.println(stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT
                    ? "plinth: the framework did not stop within " + SHUTDOWN_GRACE.toSeconds() + " s"
                    : "plinth: stopped");
        } catch (BundleException e) {
            err.println("plinth: graceful shutdown failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Throwable t) {
        return t == null ? "no detail" : t.toString();
    }
}
