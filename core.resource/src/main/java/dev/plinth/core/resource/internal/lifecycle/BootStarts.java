package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.settings.ResourceSettings;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.progress.ProgressTask;
import dev.plinth.core.runtime.progress.ProgressUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.log.Logger;

/**
 * The boot's start of the {@code StartupResources} ({@code conf/server.json}): once the framework has finished
 * starting, each in the order listed, with its dependencies, and progress in the console; one whose start is long work
 * for its host is handed to {@link DeferredStarts} instead (it starts once the shell is ready). One line then says what
 * started, what failed, what waits, and which names are not in {@code resources/}. A start that the framework's
 * shutdown cuts short is no failure: it is reported as interrupted. The hosts prepare each start ahead of it on
 * {@code plinth-resource-preparer}, so that compiling the next resources uses the second core while the game thread
 * starts the one before.
 *
 * <p>Threads: runs on the resource manager's deployer thread, once, with {@code plinth-resource-preparer} beside it.
 */
final class BootStarts {

    private static final long FRAMEWORK_START_WAIT_SECONDS = 120;

    private final BundleContext context;
    private final Lifecycle lifecycle;
    private final Deployments deployments;
    private final DeferredStarts deferred;
    private final Supplier<ResourceSettings> settings;
    private final Supplier<@Nullable Progress> progress;
    private final BooleanSupplier stopping;
    private final Logger log;

    /**
     * Describes the boot's starts.
     *
     * @param context the core.resource bundle's context, to wait for the framework
     * @param lifecycle what starts a resource and says whether its start is long work
     * @param deployments the deployed resources
     * @param deferred where a start that is long work goes
     * @param settings the server settings, read when the starts begin
     * @param progress the console's progress, when there is one
     * @param stopping whether the framework (or the resource manager) is stopping
     * @param log where the outcome is reported
     */
    BootStarts(BundleContext context, Lifecycle lifecycle, Deployments deployments, DeferredStarts deferred,
            Supplier<ResourceSettings> settings, Supplier<@Nullable Progress> progress, BooleanSupplier stopping,
            Logger log) {
        this.context = context;
        this.lifecycle = lifecycle;
        this.deployments = deployments;
        this.deferred = deferred;
        this.settings = settings;
        this.progress = progress;
        this.stopping = stopping;
        this.log = log;
    }

    /** Waits for the framework to finish starting (at most two minutes), then starts the startup resources. */
    void run() {
        awaitFrameworkStarted();
        List<String> names = settings.get().startupResources();
        var started = new ArrayList<String>();
        var failed = new ArrayList<String>();
        var missing = new ArrayList<String>();
        var interrupted = new ArrayList<String>();
        var waiting = new ArrayList<String>();
        Progress reporter = progress.get();
        ExecutorService preparer = prepareAhead(names);
        try (ProgressTask task = reporter == null ? null
                : reporter.begin("starting the startup resources", names.size(), ProgressUnit.ITEMS)) {
            for (String name : names) {
                if (stopping.getAsBoolean()) {
                    interrupted.add(name);
                    continue;
                }
                Optional<String> longWork = lifecycle.longWork(name);
                Optional<Deployment> deployment = deployments.byName(name);
                if (longWork.isPresent() && deployment.isPresent()) {
                    deferred.defer(name, deployment.get().bundleId(), longWork.get());
                    waiting.add(name);
                    advance(task);
                    continue;
                }
                try {
                    started.addAll(lifecycle.start(name, true).started());
                } catch (ResourceException e) {
                    if (e.code() == ResourceErrorCode.ERR_NOT_FOUND) {
                        missing.add(name);
                    } else if (stopping.getAsBoolean()) {
                        // the shutdown stopped it, or the thread it was starting on, in the middle of its start
                        interrupted.add(name);
                    } else {
                        failed.add(name);
                        log.error("startup resource {} did not start: {}", name, e.getMessage());
                    }
                }
                advance(task);
            }
        } finally {
            preparer.shutdownNow();
            lifecycle.forgetPreparedAhead();
        }
        if (!missing.isEmpty()) {
            log.warn("StartupResources (conf/server.json) names resources that are not in resources/: {}",
                    String.join(", ", missing));
        }
        if (!interrupted.isEmpty()) {
            log.info("the framework is stopping: startup resources not started: {}", String.join(", ", interrupted));
        }
        log.info("startup resources: {} started{}{}", started.isEmpty() ? "none" : String.join(", ", started),
                failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed),
                waiting.isEmpty() ? "" : "; starting once the shell is ready: " + String.join(", ", waiting));
    }

    /**
     * Prepares the startup resources, in order, on a thread of their own ({@code plinth-resource-preparer}), while this
     * thread starts them: the hosts' preparation of one (compiling its code) runs on the other core while the game
     * thread starts the one before. A start whose preparation has not begun yet makes it itself.
     */
    private ExecutorService prepareAhead(List<String> names) {
        lifecycle.beginPreparingAhead();
        ExecutorService preparer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("plinth-resource-preparer").daemon().factory());
        preparer.execute(() -> {
            for (String name : names) {
                if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    lifecycle.prepareAhead(name);
                } catch (RuntimeException e) {
                    // its start prepares it again, or says why it cannot start
                }
            }
        });
        return preparer;
    }

    private static void advance(@Nullable ProgressTask task) {
        if (task != null) {
            task.advance(1);
        }
    }

    private void awaitFrameworkStarted() {
        var started = new CountDownLatch(1);
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                started.countDown();
            }
        };
        context.addFrameworkListener(listener);
        try {
            if (context.getBundle(0).getState() != Bundle.ACTIVE) {
                started.await(FRAMEWORK_START_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            context.removeFrameworkListener(listener);
        }
    }
}
