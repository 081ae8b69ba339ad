package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framework cache of a home is kept from one start to the next while the installation stays the same, and
 * rebuilt when one of its bundles changed: the changed bundle is the one that runs. Runs a copy of the distribution,
 * so that one of its bundles can be changed.
 */
class FrameworkCacheIT {

    /** A file the test leaves in the cache: it survives a start that reuses the cache, not one that cleans it. */
    private static final String MARKER = "left-by-the-test";

    @TempDir
    Path dir;

    @Test
    void aRestartReusesTheCacheAndAChangedBundleCleansIt() throws Exception {
        PlinthInstance original = PlinthInstance.at(dir.resolve("home"));
        Path install = dir.resolve("install");
        Process copy = new ProcessBuilder("cp", "-a", original.installDir().toString(), install.toString())
                .inheritIO().start();
        assertEquals(0, copy.waitFor(), "the distribution is copied");
        var instance = new PlinthInstance(install, original.home(), original.httpPort());

        var first = instance.script("lb");
        assertEquals(0, first.exitCode(), first.output());
        Path cache = instance.home().resolve("data/felix-cache");
        assertTrue(Files.isRegularFile(cache.resolve("plinth-installation.sha256")), "the installation is recorded");
        Files.writeString(cache.resolve("bundle1").resolve(MARKER), "kept?");

        var second = instance.script("lb");
        assertEquals(0, second.exitCode(), second.output());
        assertTrue(Files.exists(cache.resolve("bundle1").resolve(MARKER)), "the second start kept the cache");
        // The installation's bundles keep their ids; the resources are deployed again (new ids), none left over.
        assertEquals(withoutIds(bundles(first)), withoutIds(bundles(second)),
                "the same bundles, in the same states:\n" + second.output());
        assertEquals(bundles(first).subList(0, 10), bundles(second).subList(0, 10), "the cached bundles are the same");

        Path shell;
        try (Stream<Path> jars = Files.list(install.resolve("bundle"))) {
            shell = jars.filter(p -> p.getFileName().toString().startsWith("dev.plinth.shell-")).findFirst()
                    .orElseThrow();
        }
        rebuild(shell, "X-Plinth-Rebuilt", "by FrameworkCacheIT");
        String id = bundles(second).stream().filter(l -> l.contains("Plinth shell")).findFirst().orElseThrow()
                .strip().split("\\|")[0].strip();

        var third = instance.script("headers " + id);
        assertEquals(0, third.exitCode(), third.output());
        assertFalse(Files.exists(cache.resolve("bundle1").resolve(MARKER)), "the changed installation cleaned the cache");
        assertTrue(third.output().contains("X-Plinth-Rebuilt = by FrameworkCacheIT"),
                "the rebuilt bundle runs:\n" + third.output());
    }

    /** The bundle lines of {@code lb}. */
    private static List<String> bundles(PlinthInstance.Run run) {
        return run.lines().stream().filter(l -> l.matches("\\s*\\d+\\|.*")).toList();
    }

    /** The lines without the bundle ids, sorted (resources may be deployed in another order). */
    private static List<String> withoutIds(List<String> lines) {
        return lines.stream().map(l -> l.replaceFirst("^\\s*\\d+\\|", "")).sorted().toList();
    }

    /** Writes the jar again with one more main-manifest header (a bundle rebuilt: new size, new time). */
    private static void rebuild(Path jar, String header, String value) throws Exception {
        Path rebuilt = jar.resolveSibling(jar.getFileName() + ".new");
        try (InputStream file = Files.newInputStream(jar); var in = new JarInputStream(file)) {
            Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue(header, value);
            try (OutputStream target = Files.newOutputStream(rebuilt);
                    var out = new JarOutputStream(target, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        Files.move(rebuilt, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
