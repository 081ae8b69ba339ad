package dev.plinth.console.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.condition.Condition;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waits until startup has finished: the framework has reached its beginning start level (every bundle started
 * or failed) and every configured startup condition is registered.
 */
final class StartupBarrier {

    private final BundleContext context;

    StartupBarrier(BundleContext context) {
        this.context = context;
    }

    /**
     * Blocks until startup has finished or the timeout has passed.
     *
     * @return the conditions that were still missing when the timeout passed; empty when startup finished
     * @throws InterruptedException when the waiting thread is interrupted (the console is stopping)
     */
    List<String> await(List<String> conditions, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitFrameworkStarted(deadline);
        for (String id : conditions) {
            if (!awaitCondition(id, deadline)) {
                return conditions.subList(conditions.indexOf(id), conditions.size());
            }
        }
        return List.of();
    }

    private void awaitFrameworkStarted(long deadline) throws InterruptedException {
        var started = new CountDownLatch(1);
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                started.countDown();
            }
        };
        context.addFrameworkListener(listener);
        try {
            Bundle system = context.getBundle(0);
            int beginning = Integer.parseInt(
                    java.util.Objects.requireNonNullElse(context.getProperty("org.osgi.framework.startlevel.beginning"), "1"));
            if (system.getState() == Bundle.ACTIVE
                    && system.adapt(FrameworkStartLevel.class).getStartLevel() >= beginning) {
                return;
            }
            started.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } finally {
            context.removeFrameworkListener(listener);
        }
    }

    private boolean awaitCondition(String id, long deadline) throws InterruptedException {
        ServiceTracker<Condition, Condition> tracker;
        try {
            tracker = new ServiceTracker<>(context,
                    context.createFilter("(&(objectClass=" + Condition.class.getName() + ")(osgi.condition.id=" + id + "))"),
                    null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid startup condition id '" + id + "'", e);
        }
        tracker.open();
        try {
            return tracker.waitForService(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))) != null;
        } finally {
            tracker.close();
        }
    }
}
