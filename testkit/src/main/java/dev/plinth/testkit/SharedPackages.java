package dev.plinth.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The API packages a test shares with the framework it boots, so that it holds the framework's objects by their own
 * types ({@code Simulation}, {@code ResourceService}): the system bundle exports them from the class path
 * ({@code org.osgi.framework.system.packages.extra}) at the version their bundle exports, and the bundle, which
 * imports what it exports, wires to that export.
 *
 * <p>Stateless.
 */
final class SharedPackages {

    private SharedPackages() {}

    /**
     * The {@code system.packages.extra} clause for packages exported by bundles on the class path.
     *
     * @param bundles the bundles on the class path
     * @param packages each shared package, with the symbolic name of the bundle that exports it
     * @return {@code pkg;version=1.2.3,...} for the packages whose bundle is on the class path
     */
    static String extra(List<ClassPathBundles.Found> bundles, Map<String, String> packages) {
        var clauses = new ArrayList<String>();
        packages.forEach((pkg, bundle) -> bundles.stream().filter(b -> b.symbolicName().equals(bundle)).findFirst()
                .flatMap(found -> version(found.location(), pkg))
                .ifPresent(version -> clauses.add(pkg + ";version=" + version)));
        return String.join(",", clauses);
    }

    /**
     * Adds GraalJS's API packages when GraalJS is on the class path, as the distribution's launcher does: the
     * JavaScript host imports them from the system bundle, so a test with GraalJS on its class path runs JavaScript
     * resources.
     *
     * @param extra the clause so far
     * @param loader the test's class loader
     * @return the clause, with {@code org.graalvm.polyglot}, {@code .proxy} and {@code .io} when GraalJS is there
     */
    static String withGraalJs(String extra, ClassLoader loader) {
        if (loader.getResource("org/graalvm/polyglot/Engine.class") == null) {
            return extra;
        }
        String graal = "org.graalvm.polyglot,org.graalvm.polyglot.proxy,org.graalvm.polyglot.io";
        return extra.isEmpty() ? graal : extra + "," + graal;
    }

    /** The version a bundle (jar or folder) exports a package at. */
    static Optional<String> version(Path bundle, String pkg) {
        try {
            Manifest manifest = manifest(bundle);
            String exports = manifest.getMainAttributes().getValue("Export-Package");
            return exports == null ? Optional.empty() : versionIn(exports, pkg);
        } catch (IOException e) {
            throw new TestkitException("cannot read the manifest of " + bundle + ": " + e, e);
        }
    }

    /** The version of one package in an {@code Export-Package} header (clauses split outside quotes). */
    static Optional<String> versionIn(String exports, String pkg) {
        for (String clause : clauses(exports)) {
            String[] parts = clause.split(";");
            if (parts[0].strip().equals(pkg)) {
                for (String part : parts) {
                    String attribute = part.strip();
                    if (attribute.startsWith("version=")) {
                        return Optional.of(attribute.substring("version=".length()).replace("\"", ""));
                    }
                }
                return Optional.of("0.0.0");
            }
        }
        return Optional.empty();
    }

    private static List<String> clauses(String header) {
        var clauses = new ArrayList<String>();
        var clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString());
        return clauses;
    }

    private static Manifest manifest(Path bundle) throws IOException {
        if (Files.isDirectory(bundle)) {
            try (InputStream in = Files.newInputStream(bundle.resolve(JarFile.MANIFEST_NAME))) {
                return new Manifest(in);
            }
        }
        try (var jar = new JarFile(bundle.toFile())) {
            return jar.getManifest();
        }
    }
}
