package dev.plinth.benchmarks.reload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.benchmarks.reload.inside.HarnessActivator;
import dev.plinth.testkit.PlinthTestServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The hot reload harness ({@code ./plinthw -pl benchmarks -am -Preload verify}): a Plinth server in this JVM
 * ({@link PlinthTestServer}, the clock at 20 TPS) reloads a resource of each language again and again, and reports
 * per language, from inside the server ({@code inside.ReloadRun}):
 * <ul>
 *   <li>500 reloads with new content, 100 events dispatched after each: {@code resource:restart} p50/p90, how long each
 *       held the game thread (p50/p99/max), the heap after a full GC and the live classes before and after, whether
 *       the first version's hooks (its Lua state, its JavaScript context, its WebAssembly instance, its plugin object
 *       and class loader) were collected, and that no
 *       event was lost or handled twice;</li>
 *   <li>saves in development mode: from the file's write to the new version live (the debounce included), and from
 *       the watcher firing;</li>
 *   <li>a soak: 1,000 events per tick for 60 s while the resource reloads every second, each event counted.</li>
 * </ul>
 * Prints a table and writes JSON. Figures need a quiet machine; the short run in the test suite
 * ({@code ReloadHarnessTest}) checks the same properties on 50 reloads and a short soak.
 */
public final class ReloadHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The shell's runtime, which the resource manager's commands need to resolve (testkit does not bring it). */
    private static final String GOGO_RUNTIME = "org.apache.felix.gogo.runtime-";

    private ReloadHarness() {}

    /**
     * Runs the harness.
     *
     * @param args the JSON result file, then optionally reloads (500), events between reloads (100), soak seconds (60),
     *     soak events per tick (1000), saves in development mode (100), and the languages (lua,js,wasm,java)
     * @throws Exception when the server or a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ReloadHarness RESULT.json [RELOADS EVENTS SOAK_SECONDS SOAK_PER_TICK SAVES LANGUAGES]");
            System.exit(64);
        }
        Path output = Path.of(args[0]);
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("reloads", args.length > 1 ? Integer.parseInt(args[1]) : 500);
        parameters.put("events", args.length > 2 ? Integer.parseInt(args[2]) : 100);
        parameters.put("soakSeconds", args.length > 3 ? Integer.parseInt(args[3]) : 60);
        parameters.put("soakPerTick", args.length > 4 ? Integer.parseInt(args[4]) : 1000);
        parameters.put("watchReloads", args.length > 5 ? Integer.parseInt(args[5]) : 100);
        List<String> languages = List.of((args.length > 6 ? args[6] : "lua,js,wasm,java").split(","));
        Map<String, Map<String, Object>> results = run(languages, parameters);
        print(results);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("written to " + output);
    }

    /**
     * Runs every language in one server.
     *
     * @param languages {@code lua}, {@code js}, {@code wasm}, {@code java}
     * @param parameters what {@code inside.ReloadRun} reads
     * @return each language's report
     * @throws Exception when the server or a run fails
     */
    public static Map<String, Map<String, Object>> run(List<String> languages, Map<String, Object> parameters)
            throws Exception {
        var results = new LinkedHashMap<String, Map<String, Object>>();
        Path work = Files.createTempDirectory("plinth-reload-harness-");
        try (var server = PlinthTestServer.builder().withRunningClock().withBundle(classPathJar(GOGO_RUNTIME))
                .withServerJson("{\"HotReloadDebounceMs\": 50}").start()) {
            Bundle harness = server.context().installBundle(harnessJar(work).toUri().toString());
            harness.start();
            Function<Map<String, Object>, Map<String, Object>> run = runService(server);
            for (String language : languages) {
                var forLanguage = new LinkedHashMap<>(parameters);
                forLanguage.put("language", language);
                results.put(language, run.apply(forLanguage));
            }
        }
        return results;
    }

    /** The jar of a library on the class path, by the start of its file name. */
    private static Path classPathJar(String prefix) {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(path -> path.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException(prefix + "*.jar is not on the class path"));
    }

    @SuppressWarnings("unchecked")
    private static Function<Map<String, Object>, Map<String, Object>> runService(PlinthTestServer server)
            throws InvalidSyntaxException {
        ServiceReference<?>[] references = server.context().getServiceReferences(Function.class.getName(),
                "(" + HarnessActivator.PROPERTY + "=reload)");
        if (references == null) {
            throw new IllegalStateException("the harness bundle registered no run");
        }
        return (Function<Map<String, Object>, Map<String, Object>>) server.context().getService(references[0]);
    }

    /** The harness bundle: the classes of {@code inside}, which run in the server against its services. */
    private static Path harnessJar(Path work) throws IOException, BundleException {
        var manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "plinth.reload.harness");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", HarnessActivator.class.getName());
        main.putValue("Import-Package", String.join(",", "org.osgi.framework", "org.osgi.service.log",
                "dev.plinth.core.events", "dev.plinth.core.resource", "dev.plinth.core.runtime.plugin",
                "dev.plinth.core.runtime.reload",
                "dev.plinth.core.runtime.scheduler", "dev.plinth.core.runtime.tick", "dev.plinth.core.runtime.server",
                "dev.plinth.core.runtime.player", "dev.plinth.core.runtime.event.player",
                "dev.plinth.core.runtime.simulation"));
        String folder = HarnessActivator.class.getPackageName().replace('.', '/') + "/";
        Path jar = work.resolve("reload-harness.jar");
        try (OutputStream out = Files.newOutputStream(jar); var jarOut = new JarOutputStream(out, manifest)) {
            for (String name : List.of("HarnessActivator", "ReloadRun", "ReloadRun$Run", "RecentLog", "Subject",
                    "JavaSubject", "JavaSubject$Counting", "CompilerQuiet", "CompilerQuiet$Work")) {
                String file = folder + name + ".class";
                try (InputStream in = ReloadHarness.class.getClassLoader().getResourceAsStream(file)) {
                    if (in == null) {
                        throw new IOException("the harness class " + file + " is not on the class path");
                    }
                    jarOut.putNextEntry(new ZipEntry(file));
                    jarOut.write(in.readAllBytes());
                    jarOut.closeEntry();
                }
            }
            try (InputStream in = ReloadHarness.class.getClassLoader().getResourceAsStream(folder + "subject.wat")) {
                if (in == null) {
                    throw new IOException("the WebAssembly subject " + folder + "subject.wat is not on the class path");
                }
                jarOut.putNextEntry(new ZipEntry(folder + "subject.wat"));
                jarOut.write(in.readAllBytes());
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    private static void print(Map<String, Map<String, Object>> results) {
        var keys = new LinkedHashMap<String, Boolean>();
        results.values().forEach(report -> report.keySet().forEach(key -> keys.put(key, true)));
        var table = new StringBuilder(String.format("%-22s", ""));
        results.keySet().forEach(language -> table.append(String.format("%14s", language)));
        table.append('\n');
        for (String key : keys.keySet()) {
            table.append(String.format("%-22s", key));
            for (Map<String, Object> report : results.values()) {
                Object value = report.get(key);
                table.append(String.format("%14s", value instanceof Double d ? String.format("%.2f", d)
                        : String.valueOf(value)));
            }
            table.append('\n');
        }
        System.out.print(table);
    }
}
