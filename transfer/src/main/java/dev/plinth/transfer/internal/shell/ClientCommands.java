package dev.plinth.transfer.internal.shell;

import dev.plinth.core.runtime.client.Clients;
import dev.plinth.core.runtime.client.ConnectedClient;
import dev.plinth.core.runtime.progress.ProgressUnit;
import dev.plinth.shell.CommandUsage;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code sim:clients}: the connected clients, their transfer and the resources they made ready.
 *
 * <p>Called on the shell's thread.
 */
@Component(service = ClientCommands.class, property = {"osgi.command.scope=sim", "osgi.command.function=clients"})
public final class ClientCommands {

    private final Clients clients;

    /**
     * Creates the command.
     *
     * @param clients the connected clients
     */
    @Activate
    public ClientCommands(@Reference Clients clients) {
        this.clients = clients;
    }

    /**
     * {@code sim:clients}.
     *
     * @return one line per client: player, address, state, files, bytes, ready resources
     */
    @Descriptor("list the connected clients: player, address, transfer state, files and bytes received, ready resources")
    public String clients() {
        List<ConnectedClient> all = clients.connected();
        if (all.isEmpty()) {
            return "No client connected: bin/plinth-client --server URL --name NAME joins one.";
        }
        var text = new StringBuilder(String.format("%-16s  %-21s  %-12s  %-11s  %-21s  %s%n", "PLAYER", "ADDRESS",
                "STATE", "FILES", "BYTES", "READY"));
        for (ConnectedClient c : all) {
            text.append(String.format("%-16s  %-21s  %-12s  %-11s  %-21s  %s%n", c.player(), c.address(), c.state(),
                    c.receivedCount() + "/" + c.totalCount(),
                    ProgressUnit.BYTES.format(c.receivedBytes()) + "/" + ProgressUnit.BYTES.format(c.totalBytes()),
                    c.ready().isEmpty() ? "-" : String.join(", ", c.ready().stream().sorted().toList())));
        }
        return text.toString().stripTrailing();
    }

    /** Wrong arguments: the usage. */
    public Object clients(Object... wrong) {
        return CommandUsage.fail("sim", this, "clients");
    }
}
