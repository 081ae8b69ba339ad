package dev.plinth.core.runtime.internal.plugin;

import dev.plinth.core.runtime.host.HostFailure;
import dev.plinth.core.runtime.internal.host.FailureRegistry;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.tick.GameLoop;
import dev.plinth.core.runtime.plugin.Plugin;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Calls the {@link Plugin} services' enable and disable callbacks on the game thread (whiteboard). Enabling is
 * inline when the plugin's bundle is started from the game thread (as the resource manager starts resources), else
 * queued for the next tick boundary; disabling waits for the game thread, so a plugin is disabled before its bundle
 * is gone. Once the plugins started with the framework are enabled, the condition {@code plinth.server.ready} is
 * registered ({@link StartupReadiness}).
 *
 * <p>A plugin fails as a script resource does: when {@code onEnable} throws, or its component cannot be created (a
 * malformed configuration, a failing constructor), a {@link HostFailure} names the cause, with the file and line of
 * the plugin's code, and the plugin's bundle is stopped, which removes everything it registered. Inline, the failure
 * is registered before {@code Bundle.start} returns, so the resource manager stops the bundle and fails the start
 * (the resource is in {@code error}, a restart rolls back); otherwise the bundle is stopped on the thread
 * {@code plinth-plugin-stopper}.
 *
 * <p>Thread-safe: services come and go on any thread; the callbacks run on the game thread.
 */
@Component(immediate = true, service = {})
public final class PluginTracker implements ServiceTrackerCustomizer<Plugin, Plugin> {

    private final BundleContext context;
    private final GameLoop loop;
    private final Logger logger;
    private final PluginFailures diagnosis;
    private final StartupReadiness readiness;
    private final Map<Plugin, Owner> enabled = Collections.synchronizedMap(new IdentityHashMap<>());
    private final PluginReloadHooks reloadHooks = new PluginReloadHooks();
    private @Nullable FailureRegistry failures;
    private @Nullable ExecutorService stopper;
    private @Nullable ServiceTracker<Plugin, Plugin> tracker;

    /**
     * Creates the tracker.
     *
     * @param context this bundle's context, for the startup condition and the plugins' services
     * @param loop the game thread
     * @param logger where failing callbacks are reported
     * @param components the Declarative Services runtime, which knows why a plugin component failed to activate
     */
    @Activate
    public PluginTracker(BundleContext context, @Reference GameLoop loop,
            @Reference(service = LoggerFactory.class) Logger logger, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.loop = loop;
        this.logger = logger;
        this.diagnosis = new PluginFailures(components);
        this.readiness = new StartupReadiness(context, logger);
    }

    /** Starts watching for the end of startup and for plugins. */
    @Activate
    void start() {
        readiness.open();
        failures = new FailureRegistry(context);
        stopper = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("plinth-plugin-stopper").daemon().factory());
        var plugins = new ServiceTracker<>(context, Plugin.class, this);
        tracker = plugins;
        plugins.open();
    }

    /** Disables the plugins still enabled when the server stops, and withdraws their failures. */
    @Deactivate
    void stop() throws InterruptedException {
        readiness.close();
        if (tracker != null) {
            tracker.close();
        }
        if (stopper != null) {
            stopper.shutdown();
            stopper.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (failures != null) {
            failures.close();
        }
    }

    @Override
    public @Nullable Plugin addingService(ServiceReference<Plugin> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return null; // unregistered meanwhile
        }
        boolean inline = loop.isGameThread();
        Plugin plugin = context.getService(reference);
        if (plugin == null) {
            fail(bundle, diagnosis.activation(bundle), inline);
            readiness.enabled(bundle);
            return null;
        }
        if (inline) {
            enable(bundle, plugin, true);
        } else {
            loop.execute(() -> enable(bundle, plugin, false));
        }
        return plugin;
    }

    @Override
    public void modifiedService(ServiceReference<Plugin> reference, Plugin plugin) {
        // a plugin's service properties mean nothing to the server
    }

    @Override
    public void removedService(ServiceReference<Plugin> reference, Plugin plugin) {
        try {
            loop.call(() -> {
                disable(plugin);
                return null;
            });
        } catch (RuntimeException e) {
            logger.error("plugin '{}' could not be disabled on the game thread: {}", enabled.get(plugin), e.toString());
            enabled.remove(plugin);
        } finally {
            context.ungetService(reference);
        }
    }

    private void enable(Bundle bundle, Plugin plugin, boolean inline) {
        Owner owner = Owner.of(bundle);
        try {
            plugin.onEnable();
            enabled.put(plugin, owner);
            reloadHooks.enabled(plugin, bundle, owner);
            FailureRegistry registry = failures;
            if (registry != null) {
                registry.clear(bundle);
            }
            logger.info("plugin '{}' enabled", owner);
        } catch (Exception | LinkageError e) {
            logger.error("plugin '{}' failed to enable", owner, e);
            fail(bundle, diagnosis.onEnable(owner, bundle, e), inline);
        } finally {
            readiness.enabled(bundle);
        }
    }

    /**
     * Reports a failed plugin and stops its bundle. Inline, while its bundle starts on the game thread (as the
     * resource manager starts resources), the failure is registered at once, and the manager, which sees it when
     * {@code Bundle.start} returns, stops the bundle and fails the start: stopping it here, in the middle of its
     * activator or of Declarative Services creating its component, is not possible or not safe. Should nothing stop
     * it (it was started by something that does not read host failures), the stopper thread does once the tick is
     * over. Otherwise the failure is registered and the bundle stopped on the stopper thread, never from a call the
     * game thread is in the middle of.
     */
    private void fail(Bundle bundle, String message, boolean inline) {
        FailureRegistry registry = failures;
        ExecutorService thread = stopper;
        if (registry == null || thread == null) {
            return; // the server is stopping
        }
        String resource = Owner.of(bundle).name();
        try {
            if (inline) {
                HostFailure failure = registry.record(bundle, resource, message);
                loop.execute(() -> thread.execute(() -> {
                    if (bundle.getState() == Bundle.ACTIVE && registry.isCurrent(failure)) {
                        stopFailed(bundle, message);
                    }
                }));
            } else {
                thread.execute(() -> {
                    if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                        registry.record(bundle, resource, message);
                        stopFailed(bundle, message);
                    }
                });
            }
        } catch (RejectedExecutionException e) {
            logger.warn("plugin '{}' failed while the server stops: {}", resource, message);
        }
    }

    private void stopFailed(Bundle bundle, String message) {
        try {
            bundle.stop(Bundle.STOP_TRANSIENT);
        } catch (BundleException | IllegalStateException e) {
            logger.error("could not stop the failed plugin {} ({}): {}", Owner.of(bundle), message, e.toString());
        }
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
