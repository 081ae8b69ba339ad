package dev.plinth.core.resource.internal.reload;

import dev.plinth.core.resource.reload.LoadedFiles;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@link LoadedFiles} service: what each resource bundle's server side loaded, by bundle id, forgotten when the
 * bundle stops or is uninstalled (a synchronous listener, so that a reload's new version starts with nothing counted).
 *
 * <p>Thread-safe.
 */
@Component(service = LoadedFiles.class, immediate = true)
public final class LoadedServerFiles implements LoadedFiles, SynchronousBundleListener {

    private static final int RUNNING = Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final BundleContext context;
    private final Map<Long, Set<String>> loaded = new ConcurrentHashMap<>();

    /**
     * Creates the service; it follows the bundles once activated.
     *
     * @param context core.resource's context
     */
    @Activate
    public LoadedServerFiles(BundleContext context) {
        this.context = context;
    }

    @Activate
    void open() {
        context.addBundleListener(this);
    }

    @Deactivate
    void close() {
        context.removeBundleListener(this);
        loaded.clear();
    }

    @Override
    public void loaded(Bundle resource, String path) {
        if ((resource.getState() & RUNNING) != 0) {
            loaded.computeIfAbsent(resource.getBundleId(), id -> ConcurrentHashMap.newKeySet()).add(path);
        }
    }

    @Override
    public Set<String> loadedBy(Bundle resource) {
        Set<String> files = loaded.get(resource.getBundleId());
        return files == null ? Set.of() : Set.copyOf(files);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNINSTALLED) {
            loaded.remove(event.getBundle().getBundleId());
        }
    }
}
