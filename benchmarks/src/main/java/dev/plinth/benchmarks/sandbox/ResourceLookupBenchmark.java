package dev.plinth.benchmarks.sandbox;

import dev.plinth.core.sandbox.host.ResourceServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A service look-up made for a script resource through its bundle's context, in an embedded Felix framework: the
 * framework's checked look-up ({@code BundleContext.getServiceReference}, the baseline), which tries to load the
 * service's class through the bundle, against {@link ResourceServices#reference}, which does not. A host makes such a
 * look-up for each service at a resource's start (in a reload, on the game thread) and for each call of an imported
 * function; {@code depth} is how many frames are below it (the failed class load walks the whole stack), a test
 * method's few or a game thread's in a swap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResourceLookupBenchmark {

    /** Created by JMH. */
    public ResourceLookupBenchmark() {}

    /** The service type looked up: a class of the benchmark, which the script bundle cannot load. */
    public interface Looked {}

    /** A framework with one service and one bundle built as Plinth builds a script resource's. */
    @State(Scope.Benchmark)
    public static class Lookups {
        /** Created by JMH. */
        public Lookups() {}

        /** Frames on the stack below the look-up. */
        @Param({"10", "150"})
        int depth;

        Path storage;
        Framework framework;
        BundleContext script;

        /** Starts the framework, registers the service, installs and starts the script bundle. */
        @Setup(Level.Trial)
        public void start() throws IOException, BundleException {
            storage = Files.createTempDirectory("plinth-bench-lookup");
            framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(Map.of(
                    Constants.FRAMEWORK_STORAGE, storage.toString(),
                    Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                    "felix.log.level", "1"));
            framework.start();
            BundleContext system = framework.getBundleContext();
            system.registerService(Looked.class, new Looked() { }, null);
            var manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
            manifest.getMainAttributes().putValue(Constants.BUNDLE_SYMBOLICNAME, "bench-script");
            var jar = new ByteArrayOutputStream();
            new JarOutputStream(jar, manifest).close();
            var bundle = system.installBundle("bench:script", new ByteArrayInputStream(jar.toByteArray()));
            bundle.start();
            script = bundle.getBundleContext();
        }

        /** Stops the framework and deletes its storage. */
        @TearDown(Level.Trial)
        public void stop() throws BundleException, InterruptedException, IOException {
            framework.stop();
            framework.waitForStop(10_000);
            try (Stream<Path> files = Files.walk(storage)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * The framework's look-up, checked against the bundle's class space.
     *
     * @param s the framework
     * @return the reference
     */
    @Benchmark
    public ServiceReference<?> checkedLookUp(Lookups s) {
        return below(s.depth, () -> s.script.getServiceReference(Looked.class));
    }

    /**
     * The host's look-up for a script resource.
     *
     * @param s the framework
     * @return the reference
     */
    @Benchmark
    public ServiceReference<?> resourceServices(Lookups s) {
        return below(s.depth, () -> ResourceServices.reference(s.script, Looked.class).orElseThrow());
    }

    /** Runs a look-up with {@code depth} more frames on the stack. */
    private static ServiceReference<?> below(int depth, Supplier<ServiceReference<?>> lookUp) {
        return depth == 0 ? lookUp.get() : below(depth - 1, lookUp);
    }
}
