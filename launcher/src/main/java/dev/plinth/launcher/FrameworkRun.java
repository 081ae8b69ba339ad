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
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One run of a Felix framework from an installation: install every bundle of its {@code bundle/} folder, start those
 * chosen, wait until the framework stops. A JVM shutdown (Ctrl-C, SIGTERM) stops the framework gracefully, so bundles
 * stop in reverse order. The server ({@code bin/plinth}) starts every bundle; the headless client
 * ({@code bin/plinth-client}) starts its own few and leaves the others installed, so their packages resolve. Both
 * register an {@link IntConsumer} with the service property {@link PlinthFramework#EXIT_STATUS}, through which a
 * bundle (the console after a failed {@code --exec} command, the client's command line) sets the exit code.
 *
 * <p>Not thread-safe: {@link #run()} is called once, from the launching thread.
 */
final class FrameworkRun {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

    private final Path installDir;
    private final Map<String, String> config;
    private final Predicate<String> starts;
    private final PrintStream err;
    private final String name;

    /**
     * Prepares a run.
     *
     * @param name the program, for messages ({@code plinth})
     * @param installDir the installation, whose {@code bundle/} is installed
     * @param config the framework properties
     * @param starts which bundles (by symbolic name) start; the others stay installed
     * @param err where failures are reported
     */
    FrameworkRun(String name, Path installDir, Map<String, String> config, Predicate<String> starts,
            PrintStream err) {
        this.name = name;
        this.installDir = installDir;
        this.config = config;
        this.starts = starts;
        this.err = err;
    }

    /**
     * Starts the framework and blocks until it has stopped.
     *
     * @return after a normal stop the highest exit code a bundle reported (0 when none did),
     *     {@link PlinthFramework#FRAMEWORK_FAILED} otherwise
     */
    int run() {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class)
                .findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/)",
                        PlinthFramework.FRAMEWORK_FAILED));
        FrameworkCache cache = FrameworkCache.of(installDir, config);
        boolean reused = cache.reusable();
        Framework framework = factory.newFramework(cache.configure(config));
        try {
            framework.init();
            cache.record();
            var status = new AtomicInteger();
            framework.getBundleContext().registerService(IntConsumer.class,
                    code -> status.accumulateAndGet(code, Math::max),
                    new Hashtable<>(Map.of(PlinthFramework.EXIT_STATUS, true)));
            Thread hook = Thread.ofPlatform().name(name + "-shutdown").unstarted(() -> stopGracefully(framework));
            Runtime.getRuntime().addShutdownHook(hook);
            installBundles(framework.getBundleContext(), reused);
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
                    err.println(name + ": the framework stopped with an error: " + describe(stopped.getThrowable()));
                    yield PlinthFramework.FRAMEWORK_FAILED;
                }
            };
        } catch (BundleException e) {
            err.println(name + ": the framework failed to start: " + e.getMessage());
            return PlinthFramework.FRAMEWORK_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PlinthFramework.FRAMEWORK_FAILED;
        }
    }

    /**
     * Installs every bundle of the installation's {@code bundle/} folder (a reused cache has them already: they are
     * taken as they are) and marks the chosen ones for start. From a reused cache, what is not a bundle of
     * {@code bundle/} is uninstalled first: the resource bundles of the previous run (core.resource deploys
     * {@code resources/} again) and bundles installed from the shell, as a clean cache would not have them.
     */
    private void installBundles(BundleContext context, boolean reused) {
        Path folder = installDir.resolve("bundle");
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
        } catch (IOException e) {
            throw new LaunchException("cannot list the bundles in " + folder + ": " + e,
                    PlinthFramework.FRAMEWORK_FAILED);
        }
        if (reused) {
            Set<String> locations = jars.stream().map(jar -> jar.toUri().toString()).collect(Collectors.toSet());
            for (Bundle kept : context.getBundles()) {
                if (kept.getBundleId() != 0 && !locations.contains(kept.getLocation())) {
                    try {
                        kept.uninstall();
                    } catch (BundleException | IllegalStateException e) {
                        err.println(name + ": cannot uninstall " + kept.getLocation() + " from the framework cache: "
                                + e.getMessage());
                    }
                }
            }
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(context.installBundle(jar.toUri().toString()));
            } catch (BundleException | IllegalStateException e) {
                if (stopping(context)) {
                    return; // stopped (Ctrl-C, SIGTERM) while it started: nothing more to install
                }
                err.println(name + ": cannot install " + jar.getFileName() + ": " + e.getMessage());
            }
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get("Fragment-Host") != null || !starts.test(bundle.getSymbolicName())) {
                continue;
            }
            try {
                bundle.start(); // before framework.start() this only marks it; it starts with the start level
            } catch (BundleException | IllegalStateException e) {
                if (stopping(context)) {
                    return;
                }
                err.println(name + ": cannot start " + bundle.getSymbolicName() + ": " + e.getMessage());
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
            err.println(name + ": stopping gracefully: every bundle and resource stops in reverse order");
            if (state != Bundle.STOPPING) {
                framework.stop();
            }
            // The JVM exits when the hooks return: a stop already under way (shutdown command) must finish first.
            FrameworkEvent stopped = framework.waitForStop(SHUTDOWN_GRACE.toMillis());
            err.println(stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT
                    ? name + ": the framework did not stop within " + SHUTDOWN_GRACE.toSeconds() + " s"
                    : name + ": stopped");
        } catch (BundleException e) {
            err.println(name + ": graceful shutdown failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Throwable t) {
        return t == null ? "no detail" : t.toString();
    }
}
