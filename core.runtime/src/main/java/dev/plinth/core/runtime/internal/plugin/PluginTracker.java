package dev.plinth.core.runtime.internal.plugin;

import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.tick.GameLoop;
import dev.plinth.core.runtime.plugin.Plugin;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Calls the {@link Plugin} services' enable and disable callbacks on the game thread (whiteboard). Enabling is
 * queued for the next tick boundary (inline when the plugin's bundle is started from the game thread); disabling
 * waits for the game thread, so a plugin is disabled before its bundle is gone. Once the plugins started with the
 * framework are enabled, the condition {@code plinth.server.ready} is registered ({@link StartupReadiness}).
 */
@Component(immediate = true, service = {})
public final class PluginTracker {

    private final GameLoop loop;
    private final Logger logger;
    private final StartupReadiness readiness;
    private final Map<Plugin, Owner> enabled = Collections.synchronizedMap(new IdentityHashMap<>());
    private final PluginReloadHooks reloadHooks = new PluginReloadHooks();

    /**
     * Creates the tracker.
     *
     * @param context this bundle's context, for the startup condition
     * @param loop the game thread
     * @param logger where failing callbacks are reported
     */
    @Activate
    public PluginTracker(BundleContext context, @Reference GameLoop loop,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.loop = loop;
        this.logger = logger;
        this.readiness = new StartupReadiness(context, logger);
    }

    /** Starts watching for the end of startup. */
    @Activate
    void start() {
        readiness.open();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlugin(Plugin plugin, ServiceReference<Plugin> reference) {
        Bundle bundle = reference.getBundle();
        Owner owner = Owner.of(bundle);
        Runnable enable = () -> {
            try {
                plugin.onEnable();
                enabled.put(plugin, owner);
                reloadHooks.enabled(plugin, bundle, owner);
                logger.info("plugin '{}' enabled", owner);
            } catch (Exception | LinkageError e) {
                logger.error("plugin '{}' failed to enable", owner, e);
            }
            readiness.enabled(bundle);
        };
        if (loop.isGameThread()) {
            enable.run();
        } else {
            loop.execute(enable);
        }
    }

    void removePlugin(Plugin plugin) {
        try {
            loop.call(() -> {
                disable(plugin);
                return null;
            });
        } catch (RuntimeException e) {
            logger.error("plugin '{}' could not be disabled on the game thread: {}", enabled.get(plugin), e.toString());
            enabled.remove(plugin);
        }
    }

    /** Disables the plugins still enabled when the server stops. */
    @Deactivate
    void stop() {
        readiness.close();
        List<Plugin> left;
        synchronized (enabled) {
            left = List.copyOf(enabled.keySet());
        }
        left.forEach(this::removePlugin);
    }

    private void disable(Plugin plugin) {
        Owner owner = enabled.remove(plugin);
        if (owner == null) {
            return;
        }
        reloadHooks.disabled(plugin);
        try {
            plugin.onDisable();
            logger.info("plugin '{}' disabled", owner);
        } catch (Exception | LinkageError e) {
            logger.error("plugin '{}' failed to disable", owner, e);
        }
    }
}
