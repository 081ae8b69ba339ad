package dev.plinth.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Manifest;
import java.util.function.Predicate;

/**
 * The OSGi bundles on the test's class path, found by their manifests ({@code Bundle-SymbolicName}): jars, and
 * folders such as {@code target/classes} whose {@code META-INF/MANIFEST.MF} bnd wrote.
 */
final class ClassPathBundles {

    /** A bundle found on the class path. */
    record Found(String symbolicName, Path location) {}

    private ClassPathBundles() {}

    /**
     * The bundles whose symbolic name passes a filter, in class path order.
     *
     * @param loader the class loader to search
     * @param wanted which symbolic names to keep
     * @return the bundles
     */
    static List<Found> find(ClassLoader loader, Predicate<String> wanted) {
        var found = new ArrayList<Found>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
                String name = symbolicName(url);
                if (name != null && wanted.test(name)) {
                    found.add(new Found(name, location(url)));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new TestkitException("cannot read the bundles on the class path: " + e, e);
        }
        return found;
    }

    private static String symbolicName(URL manifest) throws IOException {
        try (InputStream in = manifest.openStream()) {
            String value = new Manifest(in).getMainAttributes().getValue("Bundle-SymbolicName");
            return value == null ? null : value.split(";")[0].strip();
        }
    }

    private static Path location(URL manifest) throws IOException, URISyntaxException {
        if (manifest.getProtocol().equals("jar")) {
            var connection = (JarURLConnection) manifest.openConnection();
            connection.setUseCaches(false);
            return Path.of(connection.getJarFileURL().toURI());
        }
        return Path.of(URI.create(manifest.toString())).getParent().getParent();
    }
}
