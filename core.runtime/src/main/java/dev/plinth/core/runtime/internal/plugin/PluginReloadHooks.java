package dev.plinth.core.runtime.internal.plugin;

import dev.plinth.core.runtime.HostException;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.plugin.Plugin;
import dev.plinth.core.runtime.reload.ReloadHooks;
import dev.plinth.core.runtime.reload.ReloadState;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The reload hooks of the enabled Java plugins: one {@link ReloadHooks} service per plugin, registered through the
 * plugin bundle's own context while the plugin is enabled, calling its {@link Plugin} default methods. The state
 * goes through JSON ({@link ReloadState}), so nothing of the old class loader reaches the new version.
 *
 * <p>Thread-safe; the hooks themselves are called on the game thread.
 */
final class PluginReloadHooks {

    private final Map<Plugin, ServiceRegistration<ReloadHooks>> registrations =
            Collections.synchronizedMap(new IdentityHashMap<>());

    /** Registers the hooks of a plugin that was just enabled. */
    void enabled(Plugin plugin, Bundle bundle, Owner owner) {
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return; // stopped meanwhile
        }
        try {
            registrations.put(plugin, context.registerService(ReloadHooks.class, new Hooks(plugin, owner), null));
        } catch (IllegalStateException e) {
            // the bundle stopped meanwhile: its registrations are gone anyway
        }
    }

    /** Withdraws the hooks of a plugin about to be disabled. */
    void disabled(Plugin plugin) {
        ServiceRegistration<ReloadHooks> registration = registrations.remove(plugin);
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // unregistered with its bundle already
            }
        }
    }

    /** One plugin's hooks. */
    private record Hooks(Plugin plugin, Owner owner) implements ReloadHooks {

        @Override
        public Optional<ReloadState> saveState(int maxBytes) {
            Object state = call("saveState", plugin::saveState);
            return state == null ? Optional.empty() : Optional.of(ReloadState.of(owner.name(), state, maxBytes));
        }

        @Override
        public void restoreState(ReloadState state) {
            Object value = state.value();
            if (value != null) {
                call("restoreState", () -> {
                    plugin.restoreState(value);
                    return null;
                });
            }
        }

        @Override
        public void onReload() {
            call("onReload", () -> {
                plugin.onReload();
                return null;
            });
        }

        @Override
        public void onDependencyReload(String dependency) {
            call("onDependencyReload", () -> {
                plugin.onDependencyReload(dependency);
                return null;
            });
        }

        private Object call(String hook, Callable<Object> call) {
            try {
                return call.call();
            } catch (RuntimeException e) {
                throw e instanceof HostException ? e : new HostException(owner + ": " + hook + " failed: " + e, e);
            } catch (Exception | LinkageError e) {
                throw new HostException(owner + ": " + hook + " failed: " + e, e);
            }
        }
    }
}
