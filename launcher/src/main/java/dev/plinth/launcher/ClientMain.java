package dev.plinth.launcher;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Entry point of {@code bin/plinth-client}: {@code java -cp lib/* dev.plinth.launcher.ClientMain --server URL --name
 * NAME [--cache DIR] [--exec COMMANDS] [--max-rate BYTES]}. It runs a framework of its own from the installation's
 * bundles, in a temporary storage folder removed at exit, starting only the bundles {@code conf/client.properties}
 * names ({@code plinth.client.bundles}: the event bus, the sandbox, the script hosts, the client); the client bundle
 * does the rest and reports the exit code.
 */
public final class ClientMain {

    /** Framework property: the bundles a client starts, by symbolic name, separated by commas. */
    static final String BUNDLES = "plinth.client.bundles";

    private ClientMain() {}

    /**
     * Runs one client and exits with its exit code: 0, 1 when it could not join or load, 2 when the framework failed,
     * 64 for a bad command line.
     *
     * @param args the command line, see {@link ClientLaunchOptions#parse}
     */
    public static void main(String[] args) {
        int code;
        try {
            code = run(ClientLaunchOptions.parse(args, Main.installDir()));
        } catch (LaunchException e) {
            (e.exitCode() == 0 ? System.out : System.err).println(e.getMessage());
            code = e.exitCode();
        }
        System.exit(code);
    }

    private static int run(ClientLaunchOptions options) {
        Path storage;
        try {
            storage = Files.createTempDirectory("plinth-client-");
        } catch (IOException e) {
            throw new LaunchException("cannot create the client's framework storage: " + e, PlinthFramework.FRAMEWORK_FAILED);
        }
        try {
            Map<String, String> config = new HashMap<>(FrameworkProperties.read(
                    options.installDir().resolve("conf").resolve("client.properties"),
                    Map.of(FrameworkProperties.INSTALL, options.installDir().toString())));
            config.put("org.osgi.framework.storage", storage.toString());
            config.put("plinth.client.server", options.server().toString());
            config.put("plinth.client.name", options.name());
            config.put("plinth.client.cache", options.cache().toString());
            options.exec().ifPresent(exec -> config.put("plinth.client.exec", exec));
            options.maxRate().ifPresent(rate -> config.put("plinth.client.maxrate", Long.toString(rate)));
            config.put("plinth.client.terminal", Boolean.toString(terminal()));
            config.put("plinth.client.interactive", Boolean.toString(Main.stdinIsTerminal()));
            Set<String> starts = Arrays.stream(config.getOrDefault(BUNDLES, "").split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            return new FrameworkRun("plinth-client", options.installDir(), config, starts::contains, System.err).run();
        } finally {
            delete(storage);
        }
    }

    private static boolean terminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }
}
