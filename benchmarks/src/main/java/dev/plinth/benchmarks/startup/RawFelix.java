package dev.plinth.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The baseline of the startup harness: a bare Felix framework with the same framework-level bundles as the Plinth
 * distribution (every jar of its {@code bundle/} folder that is not a {@code dev.plinth} one), started, listed (as
 * {@code lb} lists them), and stopped. Run in its own JVM: {@code RawFelix BUNDLE_DIR STORAGE_DIR}.
 */
public final class RawFelix {

    private RawFelix() {}

    /**
     * Starts, lists and stops the framework.
     *
     * @param args the installation's {@code bundle/} folder and an empty folder for the framework cache
     * @throws Exception when the framework fails
     */
    public static void main(String[] args) throws Exception {
        Path bundles = Path.of(args[0]);
        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", args[1]);
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        config.put("org.osgi.framework.system.packages.extra", "com.sun.management");
        config.put("gosh.args", "--nointeractive");
        config.put("felix.log.level", "1");
        // As in the distribution: Felix HTTP waits for its configuration (which only Plinth gives), the console
        // for Plinth's login: neither opens a port here.
        config.put("org.apache.felix.http.require.config", "true");
        config.put("org.apache.felix.http.enable", "false");
        config.put("felix.webconsole.security.providers", "plinth");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        framework.init();
        var started = new CountDownLatch(1);
        framework.getBundleContext().addFrameworkListener(e -> {
            if (e.getType() == FrameworkEvent.STARTED) {
                started.countDown();
            }
        });
        install(framework.getBundleContext(), bundles);
        framework.start();
        started.await();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            System.out.println(bundle.getBundleId() + "|" + bundle.getState() + "|" + bundle.getSymbolicName());
        }
        System.out.println(StartupHarness.READY_MARKER);
        framework.stop();
        framework.waitForStop(60_000);
    }

    private static void install(BundleContext context, Path folder) throws IOException {
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                if (jar.getFileName().toString().startsWith("dev.plinth.")) {
                    continue;
                }
                try {
                    installed.add(context.installBundle(jar.toUri().toString()));
                } catch (BundleException e) {
                    System.err.println("cannot install " + jar + ": " + e.getMessage());
                }
            }
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get("Fragment-Host") == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    System.err.println("cannot start " + bundle.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
    }
}
