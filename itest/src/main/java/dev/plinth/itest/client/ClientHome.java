package dev.plinth.itest.client;

import dev.plinth.client.ClientOptions;
import dev.plinth.client.PlinthClient;
import dev.plinth.client.PlinthClients;
import dev.plinth.core.resource.payload.ClientPayloads;
import dev.plinth.core.runtime.client.Clients;
import dev.plinth.itest.ops.HttpPort;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleException;

/**
 * The test home with its HTTP port bound and in-process headless clients: each client's cache is a folder beside the
 * home, under the module's {@code target/}, and what it prints is kept.
 */
final class ClientHome implements AutoCloseable {

    final ResourceHome home = new ResourceHome();
    final HttpPort http;
    final PlinthClients clients = home.context.getService(home.context.getServiceReference(PlinthClients.class));
    final Clients connected = home.context.getService(home.context.getServiceReference(Clients.class));
    final ClientPayloads payloads = home.context.getService(home.context.getServiceReference(ClientPayloads.class));
    /** Requests to its client endpoints, as a client or an attacker makes them. */
    final ClientRequests requests = new ClientRequests(this);
    private final List<PlinthClient> open = new CopyOnWriteArrayList<>();

    ClientHome(String settings) throws IOException, BundleException {
        http = HttpPort.bind(home, settings);
    }

    /**
     * Deploys and starts {@code ct-hud}, an MTADM resource with a server script, a client script and two assets (one
     * cached, one not).
     *
     * @param server the server script
     * @param client the client script
     */
    void deployHud(String server, String client) throws IOException {
        home.folder("ct-hud", java.util.Map.of("meta.json", ClientTransferTest.META,
                "server/main.lua", server,
                "client/main.lua", client,
                "textures/logo.txt", "logo",
                "config/data.json", "{\"speed\": 3}"));
        home.awaitListed("ct-hud");
        home.service.start("ct-hud");
    }

    /** Deploys and starts {@code ct-server}, a resource with a server script only: it sends clients nothing. */
    void deployServerOnly() throws IOException {
        home.folder("ct-server", java.util.Map.of("plugin.toml",
                "[plugin]\nname = \"ct-server\"\nmain = \"main.lua\"\n", "main.lua", "-- server only"));
        home.awaitListed("ct-server");
        home.service.start("ct-server");
    }

    /** The cache folder of a test's client. */
    Path cache(String name) {
        return home.root.getParent().resolve("client-caches").resolve(name);
    }

    /** Connects a client whose lines go to {@code output}. */
    PlinthClient connect(String player, Path cache, List<String> output) {
        PlinthClient client = clients.connect(ClientOptions.builder(http.uri(""), player).withCache(cache)
                .withOutput(output::add, false).build());
        open.add(client);
        return client;
    }

    /** A list its client lines may be added to from any thread. */
    static List<String> lines() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public void close() throws IOException {
        open.forEach(PlinthClient::close);
        home.close();
        ResourceHome.delete(home.root.getParent().resolve("client-caches"));
    }
}
