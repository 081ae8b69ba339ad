package dev.plinth.core.sandbox.host;

import dev.plinth.core.runtime.server.Server;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The server's tick number for one resource's per-tick budget, read from the resource's own {@link Server} view
 * ({@code tick()} may be called from any thread). Looked up at the first call, not when the host starts, so the
 * host adds no start-up dependency on the game loop; 0 until a server is there.
 *
 * <p>Confined to the resource's calls (one thread at a time).
 */
public final class ServerTicks implements LongSupplier {

    private final Bundle bundle;
    private @Nullable Server server;

    /**
     * Reads the ticks for a resource.
     *
     * @param bundle the resource bundle, whose context looks the server up
     */
    public ServerTicks(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public long getAsLong() {
        Server current = server;
        if (current == null) {
            BundleContext context = bundle.getBundleContext();
            current = context == null ? null
                    : ResourceServices.reference(context, Server.class).map(context::getService).orElse(null);
            if (current == null) {
                return 0;
            }
            server = current;
        }
        return current.tick();
    }
}
