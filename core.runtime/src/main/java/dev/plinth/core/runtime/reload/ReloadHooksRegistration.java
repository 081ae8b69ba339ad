package dev.plinth.core.runtime.reload;

import java.util.Hashtable;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A resource's {@link ReloadHooks} offered to the resource manager, the way every script host does it: registered
 * through the resource bundle's own context (so the registration goes with the bundle), with the property
 * {@value #RESOURCE} naming the resource; withdrawn when the resource stops.
 *
 * <p>Thread-safe; {@link #withdraw()} is idempotent.
 */
public final class ReloadHooksRegistration {

    /** The service property naming the resource whose hooks these are. */
    public static final String RESOURCE = "plinth.resource";

    private volatile @Nullable ServiceRegistration<ReloadHooks> registration;

    private ReloadHooksRegistration(@Nullable ServiceRegistration<ReloadHooks> registration) {
        this.registration = registration;
    }

    /** {@return a registration of nothing, for a resource not started yet} */
    public static ReloadHooksRegistration none() {
        return new ReloadHooksRegistration(null);
    }

    /**
     * Registers a started resource's hooks.
     *
     * @param bundle the resource bundle
     * @param resource the resource name
     * @param hooks its hooks
     * @return the registration; one that registered nothing when the bundle has no context (it is stopping)
     */
    public static ReloadHooksRegistration offer(Bundle bundle, String resource, ReloadHooks hooks) {
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return none();
        }
        var properties = new Hashtable<String, Object>();
        properties.put(RESOURCE, resource);
        return new ReloadHooksRegistration(context.registerService(ReloadHooks.class, hooks, properties));
    }

    /** Withdraws the hooks: the resource is stopping. Quiet when the bundle took them already. */
    public void withdraw() {
        ServiceRegistration<ReloadHooks> registered = registration;
        registration = null;
        if (registered != null) {
            try {
                registered.unregister();
            } catch (IllegalStateException e) {
                // gone with the bundle already
            }
        }
    }
}
