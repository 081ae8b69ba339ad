package dev.plinth.testkit;

import dev.plinth.core.runtime.simulation.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Plinth server for a plugin's tests: a Felix framework in the test's JVM with Declarative Services, the log,
 * Jackson, the event bus, core.runtime and its simulated server, every {@code dev.plinth.*} bundle on the test
 * class path, and the bundles given to the builder (typically the plugin under test, {@code target/classes}).
 * The test drives it through {@link #simulation()}: players join, chat and type commands, the clock ticks on
 * demand, and the inbox shows what each player received.
 *
 * <pre>{@code
 * try (var server = PlinthTestServer.builder().withBundle(Path.of("target/classes")).start()) {
 *     var sim = server.simulation();
 *     sim.join("alice");
 *     assertEquals("alice's message was cancelled", sim.chat("alice", "a badword"));
 *     sim.tick(20);
 * }
 * }</pre>
 *
 * The clock starts paused (ticks run only through {@link Simulation#tick(int)}), so a test is deterministic;
 * {@link Builder#withRunningClock()} keeps it at 20 ticks per second. Every instance gets its own home folder,
 * deleted on {@link #close()} when the builder created it. Not thread-safe: one test thread drives it.
 */
public final class PlinthTestServer implements AutoCloseable {

    /** The runtime's own bundles, taken from the class path besides every {@code dev.plinth.*} bundle. */
    static final Set<String> RUNTIME_BUNDLES = Set.of("org.apache.felix.scr", "org.apache.felix.log",
            "org.osgi.service.component", "org.osgi.util.promise", "org.osgi.util.function", "org.osgi.service.log",
            "com.fasterxml.jackson.core.jackson-core", "com.fasterxml.jackson.core.jackson-annotations",
            "com.fasterxml.jackson.core.jackson-databind", "com.fasterxml.jackson.dataformat.jackson-dataformat-toml");

    private static final Duration READY = Duration.ofSeconds(30);

    /**
     * Plinth jars that stay on the class path, never installed: the JavaScript host's statement meter is a Truffle
     * instrument GraalJS loads from its own class path, and the system bundle exports its API package.
     */
    static final Set<String> CLASS_PATH_ONLY = Set.of("dev.plinth.lang.js.meter");

    /** The packages the test shares with the framework, by the bundle that exports them. */
    private static final Map<String, String> SHARED = Map.of(
            "dev.plinth.lang.js.meter", "dev.plinth.lang.js.meter",
            Simulation.class.getPackageName(), "dev.plinth.core.runtime",
            "dev.plinth.core.resource", "dev.plinth.core.resource",
            "dev.plinth.core.resource.descriptor", "dev.plinth.core.resource");

    private final Framework framework;
    private final Path home;
    private final boolean ownHome;
    private final Simulation simulation;

    private PlinthTestServer(Framework framework, Path home, boolean ownHome, Simulation simulation) {
        this.framework = framework;
        this.home = home;
        this.ownHome = ownHome;
        this.simulation = simulation;
    }

    /** {@return a builder for a server with the runtime and the class path's Plinth bundles} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the simulated server, driven as its players and its clock} */
    public Simulation simulation() {
        return simulation;
    }

    /** {@return the framework's context, to find bundles and services (of types shared with the test)} */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** {@return the instance home: {@code conf/server.json}, {@code resources/}, {@code data/}} */
    public Path home() {
        return home;
    }

    /**
     * Finds an installed bundle.
     *
     * @param symbolicName its symbolic name
     * @return the bundle
     * @throws TestkitException when no such bundle is installed
     */
    public Bundle bundle(String symbolicName) {
        return Stream.of(context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new TestkitException("no bundle " + symbolicName + " is installed"));
    }

    /** Stops the framework (every plugin is disabled, the server posts {@code server_stop}) and cleans up. */
    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(READY.toMillis());
        } catch (BundleException e) {
            throw new TestkitException("the test framework did not stop: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownHome) {
                delete(home);
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** What goes into a test server; {@link #start()} boots it. */
    public static final class Builder {
        private final List<Path> bundles = new ArrayList<>();
        private final List<Path> resources = new ArrayList<>();
        private final Map<String, String> properties = new HashMap<>();
        private Path home;
        private String serverJson;
        private boolean paused = true;

        private Builder() {}

        /**
         * Adds a bundle to install and start: a jar, or a folder with {@code META-INF/MANIFEST.MF} such as the
         * plugin's {@code target/classes}.
         *
         * @param bundle the jar or folder
         * @return this builder
         */
        public Builder withBundle(Path bundle) {
            bundles.add(bundle.toAbsolutePath());
            return this;
        }

        /**
         * Adds a resource (a script resource folder or zip with its manifest, in Lua or another language whose host
         * is on the class path) to the home's {@code resources/}. {@link #start()} then waits until the resource
         * manager has deployed it and started it (with what it needs), or fails with the resource's own error
         * ({@code ERR_SCRIPT_EXECUTION: greeter: main.lua:3: ...}).
         *
         * @param resource the folder or file
         * @return this builder
         */
        public Builder withResource(Path resource) {
            resources.add(resource.toAbsolutePath());
            return this;
        }

        /**
         * Uses a given home folder, left in place afterwards; by default a temporary one, deleted on close.
         *
         * @param home the folder
         * @return this builder
         */
        public Builder withHome(Path home) {
            this.home = home.toAbsolutePath();
            return this;
        }

        /**
         * Writes the home's {@code conf/server.json}.
         *
         * @param json the settings, for example {@code {"game": {"keepInventory": true}}}
         * @return this builder
         */
        public Builder withServerJson(String json) {
            this.serverJson = json;
            return this;
        }

        /**
         * Sets a framework property.
         *
         * @param key the property
         * @param value its value
         * @return this builder
         */
        public Builder withProperty(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /**
         * Lets the clock run at 20 ticks per second instead of starting paused.
         *
         * @return this builder
         */
        public Builder withRunningClock() {
            paused = false;
            return this;
        }

        /**
         * Boots the framework, waits until the server and the plugins are ready, and pauses the clock (unless told
         * otherwise).
         *
         * @return the running server
         * @throws TestkitException when the framework, a bundle or the server does not start
         */
        public PlinthTestServer start() {
            boolean ownHome = home == null;
            Path folder = ownHome ? createTempHome() : home;
            prepare(folder);
            List<ClassPathBundles.Found> onClassPath = ClassPathBundles.find(PlinthTestServer.class.getClassLoader(),
                    name -> RUNTIME_BUNDLES.contains(name) || name.startsWith("dev.plinth."));
            Framework framework = newFramework(folder, onClassPath);
            try {
                framework.init();
                for (Path bundle : bundlesToInstall(onClassPath)) {
                    install(framework.getBundleContext(), bundle);
                }
                framework.start();
                Simulation simulation = awaitReady(framework.getBundleContext());
                if (!resources.isEmpty()) {
                    ResourceStarts.await(framework.getBundleContext(),
                            resources.stream().map(r -> r.getFileName().toString()).toList(), READY);
                }
                if (paused) {
                    simulation.pause();
                }
                return new PlinthTestServer(framework, folder, ownHome, simulation);
            } catch (BundleException | RuntimeException e) {
                stopQuietly(framework);
                throw e instanceof TestkitException t ? t : new TestkitException("the test server did not start: " + e, e);
            }
        }

        private List<Path> bundlesToInstall(List<ClassPathBundles.Found> onClassPath) {
            var all = new ArrayList<Path>();
            onClassPath.stream().filter(found -> !CLASS_PATH_ONLY.contains(found.symbolicName()))
                    .forEach(found -> all.add(found.location()));
            bundles.stream().filter(b -> !all.contains(b)).forEach(all::add);
            return all;
        }

        private Framework newFramework(Path folder, List<ClassPathBundles.Found> onClassPath) {
            var config = new HashMap<String, String>();
            config.put(Constants.FRAMEWORK_STORAGE, folder.resolve("data/felix-cache").toString());
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            // The test and the framework share the Simulation interface (and the resource API, when core.resource is
            // on the class path): the system bundle exports them from the class path, and their bundles (which
            // import what they export) wire to that export.
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SharedPackages.withGraalJs(
                    SharedPackages.extra(onClassPath, SHARED), PlinthTestServer.class.getClassLoader()));
            config.put("plinth.home", folder.toString());
            config.put("felix.log.level", "1");
            // as the distribution: the resolver runs on the thread that asks (a reload's on the game thread)
            config.put("felix.resolver.parallelism", "1");
            config.putAll(properties);
            return ServiceLoader.load(FrameworkFactory.class, PlinthTestServer.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> new TestkitException("no OSGi framework on the class path"))
                    .newFramework(config);
        }

        private static void install(BundleContext context, Path bundle) throws BundleException {
            String location = Files.isDirectory(bundle) ? "reference:" + bundle.toUri() : bundle.toUri().toString();
            Bundle installed = context.installBundle(location);
            if (installed.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                installed.start();
            }
        }

        private static Simulation awaitReady(BundleContext context) {
            var ready = new ServiceTracker<>(context, filter(context,
                    "(&(objectClass=org.osgi.service.condition.Condition)(osgi.condition.id=plinth.server.ready))"), null);
            var simulations = new ServiceTracker<Simulation, Simulation>(context, Simulation.class, null);
            ready.open();
            simulations.open();
            try {
                if (ready.waitForService(READY.toMillis()) == null) {
                    throw new TestkitException("the server was not ready within " + READY.toSeconds()
                            + " s: is dev.plinth.core.runtime with its dependencies on the class path? bundles: "
                            + describe(context));
                }
                Object service = simulations.waitForService(READY.toMillis());
                if (service == null) {
                    throw new TestkitException("no Simulation service; bundles: " + describe(context));
                }
                if (!(service instanceof Simulation simulation)) {
                    throw new TestkitException("the Simulation service is not of the test's class (loaded by "
                            + FrameworkUtil.getBundle(service.getClass()) + "); keep dev.plinth.core.runtime.simulation"
                            + " in org.osgi.framework.system.packages.extra");
                }
                return simulation;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestkitException("interrupted while waiting for the server", e);
            } finally {
                ready.close();
            }
        }

        private static org.osgi.framework.Filter filter(BundleContext context, String filter) {
            try {
                return context.createFilter(filter);
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        }

        private static String describe(BundleContext context) {
            return Stream.of(context.getBundles())
                    .map(b -> b.getSymbolicName() + (b.getState() == Bundle.ACTIVE ? "" : " (state " + b.getState() + ")"))
                    .toList().toString();
        }

        private static Path createTempHome() {
            try {
                return Files.createTempDirectory("plinth-test-");
            } catch (IOException e) {
                throw new TestkitException("cannot create a home folder: " + e, e);
            }
        }

        private void prepare(Path folder) {
            try {
                Files.createDirectories(folder.resolve("conf"));
                Files.createDirectories(folder.resolve("resources"));
                Files.createDirectories(folder.resolve("data"));
                if (serverJson != null) {
                    Files.writeString(folder.resolve("conf/server.json"), serverJson);
                }
                for (Path resource : resources) {
                    copy(resource, folder.resolve("resources").resolve(resource.getFileName()));
                }
            } catch (IOException e) {
                throw new TestkitException("cannot prepare the home " + folder + ": " + e, e);
            }
        }

        private static void copy(Path from, Path to) throws IOException {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        }

        private static void stopQuietly(Framework framework) {
            try {
                framework.stop();
                framework.waitForStop(READY.toMillis());
            } catch (BundleException | InterruptedException e) {
                // already failing: the first error is the one to report
            }
        }
    }
}
