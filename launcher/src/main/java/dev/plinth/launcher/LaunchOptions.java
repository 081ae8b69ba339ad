package dev.plinth.launcher;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed command line of {@code bin/plinth}.
 *
 * @param installDir the installation: {@code bin/}, {@code lib/}, {@code bundle/}, default {@code conf/}
 * @param home the instance home: its {@code resources/}, {@code conf/} and {@code data/}
 * @param consoleMode how the console runs
 * @param execCommand the command of {@code --exec}, present only in {@link ConsoleMode#EXEC}
 */
public record LaunchOptions(Path installDir, Path home, ConsoleMode consoleMode, Optional<String> execCommand) {

    /** Exit code for a command line that cannot be understood. */
    public static final int USAGE_ERROR = 64;

    static final String USAGE = """
            usage: plinth [--home DIR] [--exec COMMAND] [--batch | --interactive]
              --home DIR      run the instance whose resources/, conf/ and data/ live in DIR
                              (created with defaults when missing; default: the installation folder)
              --exec COMMAND  run one shell command once startup has finished, print its output, shut down
              --batch         read commands from standard input even if it is a terminal
              --interactive   start the shell prompt even if standard input is not a terminal
            """;

    /** Validates the components. */
    public LaunchOptions {
        Objects.requireNonNull(installDir, "installDir");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(consoleMode, "consoleMode");
        Objects.requireNonNull(execCommand, "execCommand");
        if (execCommand.isPresent() != (consoleMode == ConsoleMode.EXEC)) {
            throw new IllegalArgumentException("execCommand is given exactly in EXEC mode");
        }
    }

    /**
     * Parses the arguments of {@code bin/plinth}.
     *
     * @param args the command line
     * @param installDir the installation folder
     * @param stdinIsTerminal whether standard input is an interactive terminal (decides the default console mode)
     * @return the options
     * @throws LaunchException with {@link #USAGE_ERROR} when an argument is unknown or lacks its value
     */
    public static LaunchOptions parse(String[] args, Path installDir, boolean stdinIsTerminal) {
        Path home = installDir;
        String exec = null;
        ConsoleMode forced = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(valueOf(args, ++i, "--home"));
                case "--exec" -> exec = valueOf(args, ++i, "--exec");
                case "--batch" -> forced = ConsoleMode.BATCH;
                case "--interactive" -> forced = ConsoleMode.INTERACTIVE;
                case "--help", "-h" -> throw new LaunchException(USAGE, 0);
                default -> throw new LaunchException("unknown argument '" + args[i] + "'\n" + USAGE, USAGE_ERROR);
            }
        }
        ConsoleMode mode;
        if (exec != null) {
            mode = ConsoleMode.EXEC;
        } else if (forced != null) {
            mode = forced;
        } else {
            mode = stdinIsTerminal ? ConsoleMode.INTERACTIVE : ConsoleMode.BATCH;
        }
        return new LaunchOptions(installDir.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(), mode,
                Optional.ofNullable(exec));
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length || args[index].isBlank()) {
            throw new LaunchException(option + " needs a value\n" + USAGE, USAGE_ERROR);
        }
        return args[index];
    }
}
