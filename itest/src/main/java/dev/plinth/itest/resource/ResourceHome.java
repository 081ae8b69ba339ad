package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.testsupport.Corpus;
import dev.plinth.testsupport.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The test framework's instance home ({@code plinth.home}, set by itest.bndrun): writes resources into its
 * {@code resources/} folder as a server owner would, waits for the resource manager to deploy them, and cleans up.
 * Shared by the in-framework tests of the resource manager and of the language hosts.
 */
public final class ResourceHome implements AutoCloseable {

    /** The corpus entry of the Bedrock samples. */
    public static final String BEDROCK_SAMPLES = "bedrock-samples";
    /** How long a test waits for the resource manager. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    /** The test bundle's context. */
    public final BundleContext context = FrameworkUtil.getBundle(ResourceHome.class).getBundleContext();
    /** The instance home. */
    public final Path root = Path.of(context.getProperty("plinth.home"));
    /** Its {@code resources/} folder. */
    public final Path resources = root.resolve("resources");
    private final ServiceReference<ResourceService> reference = context.getServiceReference(ResourceService.class);
    /** The lifecycle service, as the test bundle (the system context) sees it. */
    public final ResourceService service = context.getService(reference);
    private final java.util.List<Path> written = new java.util.ArrayList<>();

    /** Opens the test home and gets the lifecycle service; {@link #close()} removes what the test wrote. */
    public ResourceHome() {
        // the fields say it all
    }

    /**
     * Writes a resource folder (or rewrites files of one). A new folder is written beside {@code resources/} and moved
     * in at once, so that the resource manager deploys it whole (written file by file, it could deploy the first
     * files and update the resource with the rest while the test starts it); the files of an existing folder are
     * rewritten in place, as an editor saves them.
     *
     * @param relative the folder, relative to {@code resources/}
     * @param files each file's path relative to the folder, and its content
     * @return the folder
     * @throws IOException when a file cannot be written
     */
    public Path folder(String relative, Map<String, String> files) throws IOException {
        Path folder = resources.resolve(relative);
        if (Files.exists(folder)) {
            write(folder, files);
            written.add(folder);
            return folder;
        }
        Path staged = Files.createTempDirectory(root, "staged-");
        write(staged, files);
        return moveIn(staged, relative);
    }

    private static void write(Path folder, Map<String, String> files) throws IOException {
        for (var file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    /**
     * Moves a folder prepared outside {@code resources/} into it at once, so that everything in it appears in the
     * same scan.
     *
     * @param staged the folder, outside {@code resources/}
     * @param relative where it goes, relative to {@code resources/}
     * @return its new place
     * @throws IOException when it cannot be moved
     */
    public Path moveIn(Path staged, String relative) throws IOException {
        Path target = resources.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.move(staged, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        written.add(target);
        return target;
    }

    /**
     * Marks a path this test wrote itself for removal by {@link #close()}.
     *
     * @param path a file or folder in {@code resources/}
     * @return the path
     */
    public Path written(Path path) {
        written.add(path);
        return path;
    }

    /**
     * Waits until a source is listed (deployed or refused).
     *
     * @param source relative to {@code resources/}
     * @return what is listed for it
     */
    public ResourceInfo awaitSource(String source) {
        return await(() -> service.list().stream().filter(r -> r.source().equals(source)).findFirst(),
                "resources/" + source + " is listed");
    }

    /** Copies a folder from outside the project (the Bedrock samples) into the resources folder. */
    public Path copy(Path from, String relative) throws IOException {
        Path to = Folders.copy(from, resources.resolve(relative));
        written.add(to);
        return to;
    }

    /**
     * Microsoft's add-on samples, shared beside the project ({@code ../shared/corpus}): read, never copied into it.
     * A test that uses them is annotated {@code @RequiresCorpus(ResourceHome.BEDROCK_SAMPLES)}.
     */
    public Path bedrockSamples() {
        return Corpus.path(BEDROCK_SAMPLES);
    }

    /** Writes a zipped resource, its files in one top folder as zipping a folder makes it. */
    Path zip(String relative, Map<String, String> files) throws IOException {
        Path zip = resources.resolve(relative);
        Files.createDirectories(zip.getParent());
        String top = zip.getFileName().toString().replace(".zip", "") + "/";
        try (OutputStream out = Files.newOutputStream(zip); var zipOut = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zipOut.putNextEntry(new ZipEntry(top + file.getKey()));
                zipOut.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        written.add(zip);
        return zip;
    }

    /** Writes a Java plugin bundle whose activator is a class of this test bundle. */
    Path plugin(String relative, String resourceName, Class<?> activator) throws IOException {
        return plugin(relative, resourceName, "1.0.0", activator, "org.osgi.framework");
    }

    /**
     * Writes a Java plugin bundle made of classes of this test bundle, the activator first.
     *
     * @param relative the jar, relative to {@code resources/}
     * @param resourceName the resource it provides
     * @param version its version
     * @param activator its activator
     * @param imports its {@code Import-Package}
     * @param more the other classes it holds (nested classes included by name)
     * @return the jar
     * @throws IOException when it cannot be written
     */
    public Path plugin(String relative, String resourceName, String version, Class<?> activator, String imports,
            Class<?>... more) throws IOException {
        Path jar = resources.resolve(relative);
        Files.createDirectories(jar.getParent());
        var manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "itest." + resourceName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", activator.getName());
        main.putValue("Import-Package", imports);
        main.putValue("Provide-Capability", "plinth.resource;plinth.resource=\"" + resourceName
                + "\";version:Version=\"" + version + "\"");
        Path partial = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(partial); var jarOut = new JarOutputStream(out, manifest)) {
            for (Class<?> type : Stream.concat(Stream.of(activator), Stream.of(more)).toList()) {
                String classFile = type.getName().replace('.', '/') + ".class";
                try (InputStream in = FrameworkUtil.getBundle(type).getEntry(classFile).openStream()) {
                    jarOut.putNextEntry(new ZipEntry(classFile));
                    jarOut.write(in.readAllBytes());
                    jarOut.closeEntry();
                }
            }
        }
        Files.move(partial, jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        written.add(jar);
        return jar;
    }

    /**
     * The bundle of a deployed resource.
     *
     * @param name the resource name, also its bundle's symbolic name
     * @return the bundle
     */
    public Bundle bundle(String name) {
        return Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is installed"));
    }

    /**
     * Writes {@code conf/server.json}; the resource manager reads it again at its next call.
     *
     * @param json the whole file
     * @throws IOException when it cannot be written
     */
    public void settings(String json) throws IOException {
        Path file = root.resolve("conf/server.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    /**
     * Waits until the resource is listed (deployed or failed).
     *
     * @param name the resource
     * @return what is listed
     */
    public ResourceInfo awaitListed(String name) {
        return await(() -> service.list().stream().filter(r -> r.name().equals(name)).findFirst(),
                name + " is listed: " + service.names());
    }

    /**
     * Waits until the resource is listed with a state.
     *
     * @param name the resource
     * @param state the state
     * @return what is listed
     */
    public ResourceInfo awaitState(String name, ResourceState state) {
        return await(() -> service.list().stream().filter(r -> r.name().equals(name) && r.state() == state).findFirst(),
                name + " is " + state.id());
    }

    /** Waits until the resource is no longer listed. */
    void awaitGone(String name) {
        await(() -> service.names().contains(name) ? Optional.empty() : Optional.of(name), name + " is removed");
    }

    /**
     * Waits until a condition holds, at most {@link #WAIT}; fails the test otherwise.
     *
     * @param <T> the value type
     * @param condition the value once the condition holds, else empty
     * @param what the condition, for the failure message
     * @return the value
     */
    public static <T> T await(Supplier<Optional<T>> condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("timed out waiting until " + what);
    }

    /** Deletes what this test wrote and waits until it is undeployed. */
    @Override
    public void close() throws IOException {
        for (Path path : written) {
            delete(path);
        }
        Files.deleteIfExists(root.resolve("conf/server.json"));
        await(() -> written.stream().anyMatch(p -> service.list().stream()
                        .anyMatch(r -> r.source().equals(resources.relativize(p).toString().replace('\\', '/'))))
                        ? Optional.empty() : Optional.of(true), "the test's resources are removed");
        context.ungetService(reference);
    }

    public static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertTrue(Files.notExists(path));
    }
}
