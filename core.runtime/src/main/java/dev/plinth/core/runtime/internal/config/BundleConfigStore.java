package dev.plinth.core.runtime.internal.config;

import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** The {@link ConfigStore} of one resource: one instance per bundle that uses the service. Thread-safe. */
@Component(service = ConfigStore.class, scope = ServiceScope.BUNDLE)
public final class BundleConfigStore implements ConfigStore {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.(json|toml)");

    private final Owner owner;
    private final Optional<Path> folder;
    private final ConfigFiles files;

    /**
     * Creates the store of the bundle that gets the service.
     *
     * @param context the component context, for the using bundle
     * @param settings where the instance home is
     * @param files the reader and writer
     */
    @Activate
    public BundleConfigStore(ComponentContext context, @Reference ServerSettings settings,
            @Reference ConfigFiles files) {
        this(Owner.of(context.getUsingBundle()), settings, files);
    }

    /**
     * Creates the store of a resource.
     *
     * @param owner the resource
     * @param settings where the instance home is
     * @param files the reader and writer
     */
    public BundleConfigStore(Owner owner, ServerSettings settings, ConfigFiles files) {
        this.owner = owner;
        this.folder = settings.dataFolder(owner);
        this.files = files;
    }

    @Override
    public Path folder() {
        try {
            return Files.createDirectories(location());
        } catch (IOException e) {
            throw new ConfigException("cannot create the data folder of resource '" + owner + "': " + e, e);
        }
    }

    @Override
    public <T> Optional<T> load(String file, Class<T> type) {
        return files.read(resolve(file), type, false);
    }

    @Override
    public <T> T loadOrCreate(String file, Class<T> type, T defaults) {
        Path path = resolve(file);
        return files.read(path, type, false).orElseGet(() -> {
            files.write(path, defaults);
            return defaults;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> loadValues(String file) {
        return files.read(resolve(file), Map.class, false).map(map -> (Map<String, Object>) map);
    }

    @Override
    public void save(String file, Object value) {
        files.write(resolve(file), value);
    }

    private Path resolve(String file) {
        if (!FILE_NAME.matcher(file).matches()) {
            throw new ConfigException("ERR_INVALID_NAME: resource '" + owner + "': '" + file
                    + "' is not a config file name; use a plain name ending in .json or .toml, such as config.toml");
        }
        return location().resolve(file);
    }

    private Path location() {
        return folder.orElseThrow(() -> new ConfigException("resource '" + owner
                + "' has no data folder: the framework has neither an instance home (plinth.home) nor storage"));
    }
}
