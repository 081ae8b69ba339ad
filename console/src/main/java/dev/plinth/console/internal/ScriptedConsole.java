package dev.plinth.console.internal;

import dev.plinth.core.runtime.tick.GameThread;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.apache.felix.gogo.runtime.CommandNotFoundException;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The console when standard input is not a terminal ({@code printf 'lb\n' | bin/plinth}) or a command was given
 * with {@code --exec}: once startup has finished, runs each line through the Gogo shell, prints its result or a
 * clear error, and at the end of input shuts the framework down gracefully.
 *
 * <p>The commands run one after the other on the thread {@code plinth-console}; a blank line or a line starting
 * with {@code #} is skipped. Before the next command, the console waits for the work the command queued on the game
 * thread and for the log lines it wrote, so that they are printed before the next {@code plinth>} prompt. A failed
 * {@code --exec} command makes the process exit with 1 (through the launcher's {@code plinth.exit.status}
 * service). In interactive mode this component does nothing: the Gogo shell owns the terminal.
 */
@Component(immediate = true, service = {})
public final class ScriptedConsole {

    static final String PROMPT = "plinth> ";
    /** Where unqualified commands are looked up: Plinth's own ({@code help}), then Gogo's, then every scope. */
    static final String SCOPE = "plinth:gogo:*";
    /** The service property of the launcher's exit status ({@code java.util.function.IntConsumer}). */
    static final String EXIT_STATUS = "plinth.exit.status";
    /** The exit code of a failed {@code --exec} command. */
    static final int COMMAND_FAILED = 1;
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(5);
    /** The thread on which the Gogo shell bundle runs its profile, and its session when there is a terminal. */
    private static final String GOSH_THREAD = "Gogo shell";

    private final BundleContext context;
    private final CommandProcessor processor;
    private final ShutdownCommand shutdown;
    private final ConsoleSettings settings;
    private final ConsoleLogPrinter logs;

    // Optional and dynamic: the console runs commands without a game server too.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile @Nullable GameThread gameThread;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private Thread thread;

    /**
     * Creates the console; it reads nothing until activated.
     *
     * @param context the console bundle's context
     * @param processor the Gogo command processor that runs each line
     * @param shutdown the {@code shutdown} command, which ends the script
     * @param logs the log printer, flushed before each prompt
     */
    @Activate
    public ScriptedConsole(BundleContext context, @Reference CommandProcessor processor,
            @Reference ShutdownCommand shutdown, @Reference ConsoleLogPrinter logs) {
        this.context = context;
        this.logs = logs;
        this.processor = processor;
        this.shutdown = shutdown;
        this.settings = ConsoleSettings.from(context);
    }

    @Activate
    void start() {
        if (settings.scripted()) {
            thread = Thread.ofPlatform().name("plinth-console").daemon().start(this::runScript);
        }
    }

    @Deactivate
    void stop() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void runScript() {
        try {
            List<String> missing = new StartupBarrier(context).await(settings.awaitConditions(), settings.awaitTimeout());
            if (!missing.isEmpty()) {
                out.println("WARNING: startup did not finish within " + settings.awaitTimeout().toSeconds()
                        + " s (still waiting for " + String.join(", ", missing) + "); running the commands anyway");
            }
            awaitGoshProfile();
            try (CommandSession session = processor.createSession(
                    new ByteArrayInputStream(new byte[0]), out, new PrintStream(new FileOutputStream(FileDescriptor.err), true))) {
                session.put("SCOPE", SCOPE); // Plinth's help before Gogo's, as in the interactive shell
                if (settings.exec().isPresent()) {
                    if (!execute(session, settings.exec().get())) {
                        reportExitStatus(COMMAND_FAILED);
                    }
                } else {
                    readLines(session);
                }
            }
            if (!stopping()) {
                shutdownFramework();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLines(CommandSession session) {
        var in = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null && !stopping(); line = in.readLine()) {
                String command = line.strip();
                if (!command.isEmpty() && !command.startsWith("#")) {
                    execute(session, command);
                }
            }
        } catch (IOException e) {
            out.println("ERROR: cannot read standard input: " + e.getMessage());
        }
    }

    /**
     * Waits (at most {@link #SETTLE_WAIT}) until the Gogo shell has run its profile ({@code etc/gosh_profile}) on
     * its own thread, which it does at every start even without a terminal: a {@code shutdown} that stops the shell
     * bundle while a late profile starts would make it print {@code Command not found: try}.
     */
    private static void awaitGoshProfile() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(GOSH_THREAD)) {
                thread.join(SETTLE_WAIT.toMillis());
            }
        }
    }

    /** Runs one command and prints its result or error; false when it failed. */
    private boolean execute(CommandSession session, String command) {
        out.println(PROMPT + command);
        boolean done = false;
        try {
            Object result = session.execute(command);
            settle();
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
            done = true;
        } catch (CommandNotFoundException e) {
            settle();
            out.println("ERROR: unknown command '" + e.getCommand() + "'. Type 'help' to list the commands.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the framework is stopping: nothing to report
        } catch (Exception e) {
            settle();
            out.println("ERROR: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        out.flush();
        return done;
    }

    /**
     * Waits until the work a command queued on the game thread has run and what it logged is printed, so that its
     * log lines come before the next prompt. Bounded: a stuck game thread delays the next command by
     * {@link #SETTLE_WAIT} at most.
     */
    private void settle() {
        try {
            GameThread thread = gameThread;
            if (thread != null && !thread.isGameThread()) {
                thread.submit(() -> null).get(SETTLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            // the game thread is stopping or stuck: print what there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            logs.flush(SETTLE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands the launcher the exit code of the process. */
    private void reportExitStatus(int code) {
        try {
            for (ServiceReference<IntConsumer> reference
                    : context.getServiceReferences(IntConsumer.class, "(" + EXIT_STATUS + "=true)")) {
                IntConsumer status = context.getService(reference);
                if (status != null) {
                    status.accept(code);
                    context.ungetService(reference);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("a constant filter", e);
        }
    }

    /** A command such as {@code shutdown} stopped the framework: the rest of the input is not run. */
    private boolean stopping() {
        return Thread.currentThread().isInterrupted() || shutdown.requested()
                || context.getBundle(0).getState() != Bundle.ACTIVE;
    }

    private void shutdownFramework() {
        try {
            context.getBundle(0).stop();
        } catch (BundleException | IllegalStateException e) {
            // the framework is already stopping
        }
    }
}
