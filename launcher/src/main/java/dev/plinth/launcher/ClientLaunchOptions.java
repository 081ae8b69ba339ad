package dev.plinth.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parsed command line of {@code bin/plinth-client}.
 *
 * @param installDir the installation: its {@code bundle/} and {@code conf/client.properties}
 * @param server the server's HTTP address
 * @param name the player's name
 * @param cache the cache folder
 * @param exec the commands of {@code --exec}, separated by {@code ;}, if given
 * @param maxRate the download rate cap in bytes per second, if given
 */
public record ClientLaunchOptions(Path installDir, URI server, String name, Path cache, Optional<String> exec,
        OptionalLong maxRate) {

    static final String USAGE = """
            usage: plinth-client --server URL --name NAME [--cache DIR] [--exec COMMANDS] [--max-rate BYTES]
              --server URL       the server's HTTP address, http://127.0.0.1:30120
              --name NAME        the player to join as: 1 to 16 letters, digits or _
              --cache DIR        where downloaded files are kept by hash (default ~/.cache/plinth-client)
              --exec COMMANDS    client commands to run once loaded, separated by ';', then leave:
                                 resources, ready NAME, events [N], emit NAME JSON, wait EVENT [SECONDS], sleep MS
              --max-rate BYTES   cap the download rate (bytes per second; k and m suffixes: 512k, 2m)
            Without --exec, commands are read from standard input (a prompt on a terminal) until its end or 'quit'.
            """;

    /** Validates the components. */
    public ClientLaunchOptions {
        Objects.requireNonNull(installDir, "installDir");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(exec, "exec");
        Objects.requireNonNull(maxRate, "maxRate");
    }

    /**
     * Parses the arguments of {@code bin/plinth-client}.
     *
     * @param args the command line
     * @param installDir the installation folder
     * @return the options
     * @throws LaunchException with {@link LaunchOptions#USAGE_ERROR} when an argument is unknown, missing or malformed
     */
    public static ClientLaunchOptions parse(String[] args, Path installDir) {
        String server = null;
        String name = null;
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "plinth-client");
        String exec = null;
        OptionalLong maxRate = OptionalLong.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = value(args, ++i, "--server");
                case "--name" -> name = value(args, ++i, "--name");
                case "--cache" -> cache = Path.of(value(args, ++i, "--cache"));
                case "--exec" -> exec = value(args, ++i, "--exec");
                case "--max-rate" -> maxRate = OptionalLong.of(rate(value(args, ++i, "--max-rate")));
                case "--help", "-h" -> throw new LaunchException(USAGE, 0);
                default -> throw new LaunchException("unknown argument '" + args[i] + "'\n" + USAGE,
                        LaunchOptions.USAGE_ERROR);
            }
        }
        if (server == null || name == null) {
            throw new LaunchException("--server and --name are required\n" + USAGE, LaunchOptions.USAGE_ERROR);
        }
        URI uri;
        try {
            uri = URI.create(server);
        } catch (IllegalArgumentException e) {
            throw new LaunchException("--server '" + server + "' is not a URL\n" + USAGE, LaunchOptions.USAGE_ERROR);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new LaunchException("--server '" + server + "' is not an http:// or https:// address\n" + USAGE,
                    LaunchOptions.USAGE_ERROR);
        }
        return new ClientLaunchOptions(installDir.toAbsolutePath().normalize(), uri, name,
                cache.toAbsolutePath().normalize(), Optional.ofNullable(exec), maxRate);
    }

    private static long rate(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        long factor = lower.endsWith("k") ? 1024 : lower.endsWith("m") ? 1024 * 1024 : 1;
        try {
            long value = Long.parseLong(factor == 1 ? lower : lower.substring(0, lower.length() - 1)) * factor;
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LaunchException("--max-rate '" + text + "' is not a number of bytes per second (512k, 2m)\n"
                    + USAGE, LaunchOptions.USAGE_ERROR);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].isBlank()) {
            throw new LaunchException(option + " needs a value\n" + USAGE, LaunchOptions.USAGE_ERROR);
        }
        return args[index];
    }
}
