package dev.plinth.ops.internal.console;

import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ServerConfigFile;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Whether the web console is on: it is when {@code webconsole.user} and {@code webconsole.password} (a hash) are set
 * in {@code conf/server.json}. Then it registers {@link ConsoleLogin}, the security provider the console waits for;
 * without credentials it registers nothing, the console stays off (404), and the log says how to turn it on.
 * {@link #reload()} applies new credentials at once ({@code plinth:passwd}).
 *
 * <p>Thread-safe: {@link #reload()} is synchronized.
 */
@Component(immediate = true, service = ConsoleAccess.class)
public final class ConsoleAccess {

    /** The framework property naming the console's root path. */
    static final String ROOT_PROPERTY = "felix.webconsole.manager.root";

    private final BundleContext context;
    private final ServerConfigFile config;
    private final Logger logger;
    private final String root;
    private @Nullable ServiceRegistration<SecurityProvider> registration;

    /**
     * Reads the credentials and turns the console on or leaves it off.
     *
     * @param context this bundle's context, to register the login
     * @param config {@code conf/server.json}
     * @param logger where the console's state is reported
     */
    @Activate
    public ConsoleAccess(BundleContext context, @Reference ServerConfigFile config,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.context = context;
        this.config = config;
        this.logger = logger;
        this.root = Objects.requireNonNullElse(context.getProperty(ROOT_PROPERTY), "/system/console");
        reload();
    }

    @Deactivate
    synchronized void close() {
        unregister();
    }

    /** {@return the console's root path, {@code /system/console}} */
    String root() {
        return root;
    }

    /** Reads the credentials again and registers the login for them, or turns the console off. */
    synchronized void reload() {
        unregister();
        ConsoleSettings settings;
        try {
            settings = config.read("webconsole", ConsoleSettings.class).orElse(ConsoleSettings.NONE);
        } catch (ConfigException e) {
            logger.error("{}; the web console stays off", e.getMessage());
            return;
        }
        if (settings.complete().isEmpty()) {
            logger.info("web console off: no webconsole.user and webconsole.password in conf/server.json; "
                    + "set them with plinth:passwd USER PASSWORD");
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(SecurityProvider.PROPERTY_ID, ConsoleLogin.ID);
        registration = context.registerService(SecurityProvider.class, new ConsoleLogin(settings, root, logger),
                properties);
        logger.info("web console on {} for user {}", root, settings.user());
    }

    private void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            registration = null;
        }
    }
}
