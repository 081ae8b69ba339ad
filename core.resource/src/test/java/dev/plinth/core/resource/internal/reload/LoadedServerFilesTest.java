package dev.plinth.core.resource.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;

/** What a resource's server side loaded counts while that version runs, and is forgotten when its bundle stops. */
class LoadedServerFilesTest {

    private final AtomicInteger state = new AtomicInteger(Bundle.ACTIVE);
    private final Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(),
            new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getBundleId" -> 42L;
                case "getState" -> state.get();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });
    private final LoadedServerFiles loaded = new LoadedServerFiles((BundleContext) Proxy.newProxyInstance(
            BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            }));

    @Test
    void aStartedResourcesLoadsCountUntilItStops() {
        loaded.loaded(bundle, "shared/util.lua");
        loaded.loaded(bundle, "shared/util.lua");
        loaded.loaded(bundle, "lib/lazy.lua");

        assertEquals(Set.of("shared/util.lua", "lib/lazy.lua"), loaded.loadedBy(bundle));
        state.set(Bundle.RESOLVED);
        loaded.bundleChanged(new BundleEvent(BundleEvent.STOPPED, bundle));
        assertEquals(Set.of(), loaded.loadedBy(bundle), "the next version counts its own loads");
    }

    @Test
    void aLoadReportedOnceTheBundleStoppedIsIgnored() {
        state.set(Bundle.RESOLVED);

        loaded.loaded(bundle, "shared/util.lua");

        assertEquals(Set.of(), loaded.loadedBy(bundle));
    }

    @Test
    void anUninstalledResourceIsForgotten() {
        loaded.loaded(bundle, "shared/util.js");

        loaded.bundleChanged(new BundleEvent(BundleEvent.UNINSTALLED, bundle));

        assertEquals(Set.of(), loaded.loadedBy(bundle));
    }
}
