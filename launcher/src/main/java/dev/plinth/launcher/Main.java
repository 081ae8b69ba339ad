package dev.plinth.launcher;

import java.io.Console;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Entry point of {@code bin/plinth}: {@code java -cp lib/* dev.plinth.launcher.Main [--home DIR] [--exec CMD]}.
 *
 * <p>The installation folder is the parent of the {@code lib/} folder this class was loaded from, unless the
 * system property {@code plinth.install} names it.
 */
public final class Main {

    private Main() {}

    /**
     * Launches one instance and exits with its exit code.
     *
     * @param args the command line, see {@link LaunchOptions#parse}
     */
    public static void main(String[] args) {
        int code;
        try {
            var options = LaunchOptions.parse(args, installDir(), stdinIsTerminal());
            code = new PlinthFramework(options, System.err).run();
        } catch (LaunchException e) {
            (e.exitCode() == 0 ? System.out : System.err).println(e.getMessage());
            code = e.exitCode();
        }
        System.exit(code);
    }

    static boolean stdinIsTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    static Path installDir() {
        String property = System.getProperty("plinth.install");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new LaunchException("cannot locate the installation folder; set -Dplinth.install", 1);
        }
    }
}
