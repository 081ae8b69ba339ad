package dev.plinth.itest.reload;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Counts the framework's refreshes ({@code PACKAGES_REFRESHED}) from when it is created. The framework delivers its
 * events to listeners in order, one after the other, some time after they happen; {@link #count()} therefore asks for
 * a start level event after the work it counts (setting the level the framework is at) and counts until that one
 * arrives, so every refresh made before is in.
 *
 * <p>Thread-safe.
 */
final class FrameworkRefreshes implements AutoCloseable {

    private final BundleContext context;
    private final AtomicInteger refreshes = new AtomicInteger();
    private final CountDownLatch marker = new CountDownLatch(1);
    private final FrameworkListener listener = event -> {
        switch (event.getType()) {
            case FrameworkEvent.PACKAGES_REFRESHED -> refreshes.incrementAndGet();
            case FrameworkEvent.STARTLEVEL_CHANGED -> marker.countDown();
            default -> {
                // not counted
            }
        }
    };

    FrameworkRefreshes(BundleContext context) {
        this.context = context;
        context.addFrameworkListener(listener);
    }

    /**
     * The refreshes since this was created; call once.
     *
     * @return how many
     * @throws InterruptedException when interrupted while waiting for the framework's events
     * @throws AssertionError when the framework's events do not arrive within 30 s
     */
    int count() throws InterruptedException {
        FrameworkStartLevel level = context.getBundle(0).adapt(FrameworkStartLevel.class);
        level.setStartLevel(level.getStartLevel());
        if (!marker.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the framework delivered no start level event within 30 s");
        }
        return refreshes.get();
    }

    @Override
    public void close() {
        context.removeFrameworkListener(listener);
    }
}
