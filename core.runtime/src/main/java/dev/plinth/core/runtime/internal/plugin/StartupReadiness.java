package dev.plinth.core.runtime.internal.plugin;

import dev.plinth.core.runtime.plugin.Plugin;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.condition.Condition;
import org.osgi.service.log.Logger;

/**
 * Registers the condition {@value #CONDITION} once the framework has started and every Java plugin that started
 * with it has been enabled (or failed to): the console waits for it before running scripted commands, so they
 * meet the plugins ready. A plugin bundle is one that declares a {@link Plugin} service (as Declarative Services
 * components do in their manifest). After {@link #PATIENCE} the condition is registered anyway, naming the
 * plugins still missing.
 *
 * <p>Thread-safe: framework events, enables (on the game thread) and the timer may arrive on any thread.
 */
final class StartupReadiness implements FrameworkListener {

    /** The id of the condition. */
    static final String CONDITION = "plinth.server.ready";
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final BundleContext context;
    private final Logger logger;
    private final Set<Long> enabled = new HashSet<>();
    private Set<Long> expected;
    private ServiceRegistration<Condition> registration;
    private ScheduledExecutorService timer;

    StartupReadiness(BundleContext context, Logger logger) {
        this.context = context;
        this.logger = logger;
    }

    /** Starts waiting for the framework to finish starting. */
    void open() {
        context.addFrameworkListener(this);
        Bundle system = context.getBundle(0);
        int beginning = Integer.parseInt(Objects.requireNonNullElse(
                context.getProperty("org.osgi.framework.startlevel.beginning"), "1"));
        if (system.getState() == Bundle.ACTIVE && system.adapt(FrameworkStartLevel.class).getStartLevel() >= beginning) {
            frameworkStarted();
        }
    }

    /** Stops waiting and withdraws the condition. */
    synchronized void close() {
        context.removeFrameworkListener(this);
        if (timer != null) {
            timer.shutdownNow();
        }
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED) {
            frameworkStarted();
        }
    }

    /**
     * A plugin was enabled, or failed to.
     *
     * @param bundle its bundle
     */
    synchronized void enabled(Bundle bundle) {
        enabled.add(bundle.getBundleId());
        check();
    }

    private synchronized void frameworkStarted() {
        if (expected != null) {
            return;
        }
        expected = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() == Bundle.ACTIVE && declaresPlugin(b))
                .map(Bundle::getBundleId)
                .collect(Collectors.toSet());
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("plinth-readiness").daemon().factory());
        timer.schedule(this::giveUp, PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        check();
    }

    private synchronized void giveUp() {
        if (registration == null) {
            String missing = expected.stream().filter(id -> !enabled.contains(id)).map(context::getBundle)
                    .filter(Objects::nonNull).map(Bundle::getSymbolicName).collect(Collectors.joining(", "));
            logger.warn("plugins not enabled {} s after startup (a missing service?): {}", PATIENCE.toSeconds(), missing);
            register();
        }
    }

    private void check() {
        if (expected != null && registration == null && enabled.containsAll(expected)) {
            register();
        }
    }

    private void register() {
        registration = context.registerService(Condition.class, Condition.INSTANCE,
                new Hashtable<>(Map.of(Condition.CONDITION_ID, CONDITION)));
        if (timer != null) {
            timer.shutdown();
        }
    }

    private static boolean declaresPlugin(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && revision.getDeclaredCapabilities("osgi.service").stream()
                .map(c -> c.getAttributes().get("objectClass"))
                .anyMatch(classes -> classes instanceof List<?> list && list.contains(Plugin.class.getName()));
    }
}
