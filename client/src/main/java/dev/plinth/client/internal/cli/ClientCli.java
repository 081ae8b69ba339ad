package dev.plinth.client.internal.cli;

import dev.plinth.client.ClientException;
import dev.plinth.client.ClientOptions;
import dev.plinth.client.PlinthClient;
import dev.plinth.client.PlinthClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/**
 * {@code bin/plinth-client}: in a framework the launcher started for the client (framework property
 * {@value #SERVER} set), joins the server, then runs the {@code --exec} commands (separated by {@code ;}) or the
 * commands read from standard input, printing each as {@code client> COMMAND} before its output, leaves, and stops the
 * framework with the exit code: 0, 1 when the join or the transfer failed or a command failed. In a server's framework
 * (no {@value #SERVER}) it does nothing.
 *
 * <p>Runs on its own thread, {@code plinth-client-cli}; prints on standard output.
 */
@Component(service = {}, immediate = true)
public final class ClientCli {

    /** Framework property: the server's HTTP address. */
    public static final String SERVER = "plinth.client.server";
    /** Framework property: the player's name. */
    public static final String NAME = "plinth.client.name";
    /** Framework property: the cache folder. */
    public static final String CACHE = "plinth.client.cache";
    /** Framework property: the commands of {@code --exec}, separated by {@code ;}. */
    public static final String EXEC = "plinth.client.exec";
    /** Framework property: the download rate cap in bytes per second. */
    public static final String MAX_RATE = "plinth.client.maxrate";
    /** Framework property: {@code true} when standard output is a terminal (a progress bar). */
    public static final String TERMINAL = "plinth.client.terminal";
    /** Framework property: {@code true} when standard input is a terminal (a prompt). */
    public static final String INTERACTIVE = "plinth.client.interactive";
    /** Service property of the launcher's exit code sink, an {@link IntConsumer} (the server's console uses it too). */
    public static final String EXIT = "plinth.exit.status";

    private final BundleContext context;
    private final PlinthClients clients;
    private final @Nullable IntConsumer exit;
    private final ConsoleLines out = new ConsoleLines(System.out);
    private volatile @Nullable Thread thread;
    private volatile @Nullable PlinthClient client;

    /**
     * Creates the command line client.
     *
     * @param context the client bundle's context, for the launcher's properties and to stop the framework
     * @param clients the client service
     * @param exit the launcher's exit code sink, when the launcher started this framework
     */
    // Starts the client's thread, in a client's framework only (framework property SERVER set).
    @Activate
    public ClientCli(BundleContext context, @Reference PlinthClients clients,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, target = "(" + EXIT + "=true)")
            @Nullable IntConsumer exit) {
        this.context = context;
        this.clients = clients;
        this.exit = exit;
        if (context.getProperty(SERVER) != null) {
            thread = Thread.ofPlatform().name("plinth-client-cli").start(this::run);
        }
    }

    /** The framework stops (Ctrl-C): the client leaves. */
    @Deactivate
    void stop() {
        PlinthClient connected = client;
        if (connected != null) {
            connected.close();
        }
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
        }
    }

    private void run() {
        int code = 0;
        try {
            client = clients.connect(options());
            code = commands();
        } catch (ClientException | IllegalArgumentException e) {
            out.line("plinth-client: " + e.getMessage());
            code = 1;
        } finally {
            PlinthClient connected = client;
            if (connected != null) {
                connected.close();
            }
            if (exit != null) {
                exit.accept(code);
            }
            try {
                context.getBundle(0).stop();
            } catch (BundleException e) {
                out.line("plinth-client: cannot stop: " + e.getMessage());
            }
        }
    }

    private ClientOptions options() {
        var builder = ClientOptions.builder(URI.create(context.getProperty(SERVER)), context.getProperty(NAME))
                .withCache(Path.of(context.getProperty(CACHE)))
                .withOutput(out::line, Boolean.parseBoolean(context.getProperty(TERMINAL)));
        Optional.ofNullable(context.getProperty(MAX_RATE)).map(Long::parseLong).ifPresent(builder::withMaxRate);
        return builder.build();
    }

    /** Runs the commands; {@return the exit code: 1 when one failed} */
    private int commands() {
        String exec = context.getProperty(EXEC);
        if (exec != null) {
            int code = 0;
            for (String command : List.of(exec.split(";"))) {
                if (command.isBlank()) {
                    continue;
                }
                if (command.strip().equals("quit")) {
                    break;
                }
                code = Math.max(code, execute(command.strip(), true));
            }
            return code;
        }
        boolean interactive = Boolean.parseBoolean(context.getProperty(INTERACTIVE));
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code = 0;
        try {
            while (true) {
                if (interactive) {
                    out.prompt("client> ");
                }
                String line = in.readLine();
                if (line == null || line.strip().equals("quit")) {
                    return code;
                }
                if (!line.isBlank()) {
                    code = Math.max(code, execute(line.strip(), !interactive));
                }
            }
        } catch (IOException e) {
            out.line("plinth-client: cannot read standard input: " + e.getMessage());
            return 1;
        }
    }

    private int execute(String command, boolean echo) {
        if (echo) {
            out.line("client> " + command);
        }
        try {
            String result = client.execute(command);
            if (!result.isEmpty()) {
                out.line(result);
            }
            return 0;
        } catch (ClientException e) {
            out.line("ERROR: " + e.getMessage());
            return 1;
        }
    }
}
