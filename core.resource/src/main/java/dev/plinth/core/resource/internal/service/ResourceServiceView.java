package dev.plinth.core.resource.internal.service;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.ResourceStatistics;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.lifecycle.Caller;
import dev.plinth.core.resource.internal.lifecycle.ResourceManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * One bundle's view of the resource lifecycle: every call is made as that bundle, so a resource bundle needs an
 * admin grant to change other resources, and Plinth's own bundles are the system context.
 *
 * <p>Thread-safe.
 */
@Component(scope = ServiceScope.BUNDLE)
public final class ResourceServiceView implements ResourceService {

    private final ResourceManager manager;
    private final Bundle user;

    /**
     * Creates the view for the bundle that obtained the service.
     *
     * @param component the component context, naming the using bundle
     * @param manager the resource manager
     */
    @Activate
    public ResourceServiceView(ComponentContext component, @Reference ResourceManager manager) {
        this.manager = manager;
        this.user = Objects.requireNonNull(component.getUsingBundle(), "a bundle-scoped service has a user");
    }

    private Caller caller() {
        return manager.callerOf(user);
    }

    @Override
    public LifecycleResult start(String name) {
        return manager.start(caller(), name, false);
    }

    @Override
    public LifecycleResult ensure(String name) {
        return manager.start(caller(), name, true);
    }

    @Override
    public LifecycleResult stop(String name) {
        return manager.stop(caller(), name);
    }

    @Override
    public LifecycleResult restart(String name) {
        return manager.restart(caller(), name);
    }

    @Override
    public String watch(String name, boolean on) {
        return manager.watch(caller(), name, on);
    }

    @Override
    public Optional<String> watchedBy(String name) {
        return manager.watched(name);
    }

    @Override
    public List<String> names() {
        return manager.list().stream().map(ResourceInfo::name).toList();
    }

    @Override
    public List<ResourceInfo> list() {
        return manager.list();
    }

    @Override
    public ResourceInfo info(String name) {
        return manager.info(name);
    }

    @Override
    public List<String> diagnose(String name) {
        return manager.diagnose(name);
    }

    @Override
    public Optional<ResourceDescriptor> descriptor(Bundle bundle) {
        return manager.descriptor(bundle);
    }

    @Override
    public Optional<Bundle> bundle(String name) {
        return manager.bundle(name);
    }

    @Override
    public Optional<Object> readConfigAsset(String name, String path) {
        return manager.readConfigAsset(name, path);
    }

    @Override
    public String writeConfigAsset(String name, String path, Object value) {
        return manager.writeConfigAsset(caller(), name, path, value);
    }

    @Override
    public String createMapPackage(String name, String title) {
        return manager.createMapPackage(caller(), name, title);
    }

    @Override
    public void bakeMapPackage(String name, java.util.Map<String, ?> options) {
        manager.bakeMapPackage(caller(), name, options);
    }

    @Override
    public ResourceStatistics statistics() {
        return manager.statistics();
    }
}
