package dev.plinth.console.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.felix.gogo.runtime.CommandNotFoundException;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The console when standard input is not a terminal ({@code printf 'lb\n' | bin/plinth}) or a command was given
 * with {@code --exec}: once startup has finished, runs each line through the Gogo shell, prints its result or a
 * clear error, and at the end of input shuts the framework down gracefully.
 *
 * <p>The commands run one after the other on the thread {@code plinth-console}; a blank line or a line starting
 * with {@code #} is skipped. In interactive mode this component does nothing: the Gogo shell owns the terminal.
 */
@Component(immediate = true, service = {})
public final class ScriptedConsole {

    static final String PROMPT = "plinth> ";

    private final BundleContext context;
    private final CommandProcessor processor;
    private final ShutdownCommand shutdown;
    private final ConsoleSettings settings;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private Thread thread;

    /**
     * Creates the console; it reads nothing until activated.
     *
     * @param context the console bundle's context
     * @param processor the Gogo command processor that runs each line
     * @param shutdown the {@code shutdown} command, which ends the script
     */
    @Activate
    public ScriptedConsole(BundleContext context, @Reference CommandProcessor processor,
            @Reference ShutdownCommand shutdown) {
        this.context = context;
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
            try (CommandSession session = processor.createSession(
                    new ByteArrayInputStream(new byte[0]), out, new PrintStream(new FileOutputStream(FileDescriptor.err), true))) {
                if (settings.exec().isPresent()) {
                    execute(session, settings.exec().get());
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

    private void execute(CommandSession session, String command) {
        out.println(PROMPT + command);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
        } catch (CommandNotFoundException e) {
            out.println("ERROR: unknown command '" + e.getCommand() + "'. Type 'help' to list the commands.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the framework is stopping: nothing to report
        } catch (Exception e) {
            out.println("ERROR: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        out.flush();
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
