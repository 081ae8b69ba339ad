package dev.plinth.lang.lua.internal.host;

import dev.plinth.core.runtime.server.Server;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The server's tick number for one resource's per-tick budget, read from the resource's own {@link Server} view
 * ({@code tick()} may be called from any thread). Looked up at the first call, not when the host starts, so the
 * host adds no start-up dependency on the game loop. Confined to the resource's calls.
 */
final class ServerTicks implements LongSupplier {

    private final Bundle bundle;
    private @Nullable Server server;

    ServerTicks(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public long getAsLong() {
        Server current = server;
        if (current == null) {
            BundleContext context = bundle.getBundleContext();
            ServiceReference<Server> reference = context == null ? null : context.getServiceReference(Server.class);
            current = reference == null ? null : context.getService(reference);
            if (current == null) {
                return 0;
            }
            server = current;
        }
        return current.tick();
    }
}
