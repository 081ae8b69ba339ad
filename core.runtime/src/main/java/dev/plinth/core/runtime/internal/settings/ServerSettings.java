package dev.plinth.core.runtime.internal.settings;

import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.internal.config.ConfigFiles;
import dev.plinth.core.runtime.internal.owner.Owner;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The instance home (framework property {@code plinth.home}) and what core.runtime reads from its
 * {@code conf/server.json}. Without a home (a bare framework) the defaults apply and the resources' data goes to
 * this bundle's storage area; a malformed file is reported with its line and column, and the defaults apply.
 *
 * <p>Immutable once activated: thread-safe.
 */
@Component(immediate = true, service = ServerSettings.class)
public final class ServerSettings {

    /** The framework property naming the instance home. */
    public static final String HOME = "plinth.home";

    private final Optional<Path> home;
    private final Optional<Path> dataRoot;
    private final ServerConfig config;

    /**
     * Reads the settings of the framework's instance home.
     *
     * @param context the bundle's context, for the {@code plinth.home} property
     * @param files the JSON reader
     * @param logger where a malformed file is reported
     */
    @Activate
    public ServerSettings(BundleContext context, @Reference ConfigFiles files,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.home = Optional.ofNullable(context.getProperty(HOME)).map(Path::of);
        this.config = home.map(h -> read(h.resolve("conf").resolve("server.json"), files, logger))
                .orElse(ServerConfig.DEFAULTS);
        this.dataRoot = home.map(h -> h.resolve("data"))
                .or(() -> Optional.ofNullable(context.getDataFile("data")).map(File::toPath));
        if (home.isEmpty()) {
            logger.warn("no instance home (framework property {}): the defaults apply and resource data goes to {}",
                    HOME, dataRoot.map(Path::toString).orElse("nowhere (no framework storage)"));
        }
    }

    /**
     * Settings given directly, for tests.
     *
     * @param home the instance home, if any
     * @param config the settings
     */
    public ServerSettings(Optional<Path> home, ServerConfig config) {
        this.home = home;
        this.dataRoot = home.map(h -> h.resolve("data"));
        this.config = config;
    }

    /** {@return the instance home, if the framework has one} */
    public Optional<Path> home() {
        return home;
    }

    /** {@return the settings read from {@code conf/server.json}} */
    public ServerConfig config() {
        return config;
    }

    /**
     * A resource's data folder, {@code data/<resource>/} in the home (without a home, in this bundle's storage area
     * of the framework cache); not created here.
     *
     * @param owner the resource
     * @return the folder, or empty when the framework has neither a home nor storage
     */
    public Optional<Path> dataFolder(Owner owner) {
        return dataRoot.map(root -> root.resolve(owner.name()));
    }

    private static ServerConfig read(Path file, ConfigFiles files, Logger logger) {
        try {
            return files.read(file, ServerConfig.class, true).orElse(ServerConfig.DEFAULTS);
        } catch (ConfigException e) {
            logger.error("{}; using the defaults of core.runtime's settings", e.getMessage());
            return ServerConfig.DEFAULTS;
        }
    }
}
