package dev.plinth.log.slf4j.internal;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Hands out one {@link OsgiLogger} per name. Each logs on behalf of the bundle whose class first asked for it (found
 * once, when the logger is created, by walking the stack past SLF4J), so {@code org.eclipse.jetty.server.Server}
 * logs as the Jetty bundle.
 *
 * <p>Thread-safe.
 */
final class OsgiLoggerFactory implements ILoggerFactory {

    private static final Set<String> SKIPPED = Set.of("org.slf4j", OsgiLoggerFactory.class.getPackageName());

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final Bundle host = FrameworkUtil.getBundle(OsgiLoggerFactory.class);
    private volatile ServiceTracker<LoggerFactory, LoggerFactory> tracker;

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new OsgiLogger(n, caller(), this::service));
    }

    /** The Log Service's logger factory, or empty before it starts and after it stops. */
    Optional<LoggerFactory> service() {
        ServiceTracker<LoggerFactory, LoggerFactory> t = tracker;
        if (t == null) {
            t = open();
        }
        return t == null ? Optional.empty() : Optional.ofNullable(t.getService());
    }

    private synchronized ServiceTracker<LoggerFactory, LoggerFactory> open() {
        if (tracker == null) {
            BundleContext context = host == null ? null : host.getBundleContext();
            if (context == null) {
                return null; // slf4j.api is not started (yet): nothing to track with
            }
            var opened = new ServiceTracker<LoggerFactory, LoggerFactory>(context, LoggerFactory.class, null);
            opened.open();
            tracker = opened;
        }
        return tracker;
    }

    private Bundle caller() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> !SKIPPED.contains(c.getPackageName()) && !c.getPackageName().startsWith("org.slf4j."))
                        .map(FrameworkUtil::getBundle)
                        .filter(b -> b != null)
                        .findFirst())
                .orElse(host);
    }
}
