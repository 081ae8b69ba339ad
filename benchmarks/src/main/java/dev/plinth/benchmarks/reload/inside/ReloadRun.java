package dev.plinth.benchmarks.reload.inside;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.Subscription;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.event.player.PlayerChatEvent;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.reload.ReloadState;
import dev.plinth.core.runtime.reload.ReloadHooks;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.scheduler.Task;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.runtime.tick.TickStatistics;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogReaderService;

/**
 * One run of the reload harness for one language, inside the server: the subject resource is reloaded again and again
 * with new content while events reach it, and the run reports what a reload costs and whether anything leaks or any
 * event is lost or handled twice.
 * <ol>
 *   <li>{@code reloads} reloads ({@code resource:restart}, new content each time), {@code events} events posted on the
 *       game thread after each: how long each reload took (the restart command, which first waits for the files it
 *       was just given to settle, and the reload itself as {@code core:hotReload:complete} reports it), how long it held the game thread (in all, and phase by
 *       phase: saving the state, stopping, the bundle update, the start, the hand-over), the heap after a full GC
 *       and the live classes before, halfway and after (the second half's growth leaves out what the first loaded
 *       once: the JIT's classes and method handle forms), and whether the first measured version (its reload hooks, which hold its
 *       Lua state, its JavaScript context, or its plugin object and class loader) was collected;</li>
 *   <li>{@code dependentReloads} reloads while {@code dependents} resources of the same language depend on the
 *       subject: how many of them each reload restarts, and the reload's time with them;</li>
 *   <li>{@code watchReloads} saves in development mode: from the write of the file to the new version live, and from
 *       the watcher firing (the reload's own {@code ms});</li>
 *   <li>a soak of {@code soakSeconds}: {@code soakPerTick} events posted every tick while the subject reloads every
 *       second; each event is acknowledged by whichever version handles it, and a counter per event proves that each
 *       was handled exactly once.</li>
 * </ol>
 * At the end, the count of events the resource's versions handled in all (the state it hands over) is compared with
 * the events posted: a count above them means an event was handled twice. The WebAssembly subject's events are the
 * chat lines of a simulated player, which it acknowledges by cancelling them (its ABI has no named events).
 * Parameters and report are maps of plain values. Called on the harness's thread, never the game thread.
 */
final class ReloadRun implements Function<Map<String, Object>, Map<String, Object>> {

    /** The event the subject acknowledges. */
    static final String EVENT = "bench:e";
    /** The player whose chat lines the WebAssembly subject handles (its ABI has no named events). */
    private static final String CHATTER = "benchwasm";
    private static final double MIB = 1024.0 * 1024.0;
    private static final int MAX_EVENTS = 3_000_000;
    /** The phases of a swap the reload phase reports (a reload with no dependents starts none: that phase is 0). */
    private static final List<String> SWAP_PHASES = List.of("save", "stop", "update", "start", "handOver");

    private final BundleContext context;

    ReloadRun(BundleContext context) {
        this.context = context;
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> parameters) {
        try {
            return new Run(parameters).run();
        } catch (Exception e) {
            throw new IllegalStateException("the reload harness failed: " + e, e);
        }
    }

    private <S> S service(Class<S> type) {
        return context.getService(Objects.requireNonNull(context.getServiceReference(type), type.getName()));
    }

    /** One language's run, with its counters. */
    private final class Run {
        private final String language;
        private final Subject subject;
        private final ResourceService resources = service(ResourceService.class);
        private final EventBus bus = service(EventBus.class);
        private final GameThread game = service(GameThread.class);
        private final Map<String, Object> parameters;
        private final Map<String, Object> report = new LinkedHashMap<>();
        private final int[] acks = new int[MAX_EVENTS];
        private final List<Number> swapMs = new CopyOnWriteArrayList<>();
        private final List<Number> reloadMs = new CopyOnWriteArrayList<>();
        /** Each reload's {@code swapPhasesMs}: where it held the game thread. */
        private final List<Map<?, ?>> swapPhases = new CopyOnWriteArrayList<>();
        private int nextId;
        private int version;
        /** The WebAssembly subject's events are chat lines of this player, acknowledged by being cancelled. */
        private Player chatter;

        Run(Map<String, Object> parameters) {
            this.parameters = parameters;
            this.language = (String) parameters.get("language");
            this.subject = new Subject(language, "bench-" + language,
                    Path.of(context.getProperty("plinth.home")).resolve("resources"), context.getBundle());
        }

        private int number(String key, int fallback) {
            return ((Number) parameters.getOrDefault(key, fallback)).intValue();
        }

        Map<String, Object> run() throws Exception {
            String name = subject.name();
            subject.write(++version);
            await(() -> resources.names().contains(name), name + " is deployed");
            resources.start(name);
            if (language.equals("wasm")) {
                service(Simulation.class).join(CHATTER);
                Server server = service(Server.class);
                chatter = game.submit(() -> server.player(CHATTER).orElseThrow()).get(30, TimeUnit.SECONDS);
            }
            List<Subscription> subscriptions = List.of(
                    bus.subscribe(name + ":ack", HandlerOptions.defaults(), event -> {
                        acks[((Number) event.payload().get("id")).intValue()]++;
                    }),
                    bus.subscribe("core:hotReload:complete", HandlerOptions.defaults(), event -> {
                        if (name.equals(event.payload().get("resourceName"))) {
                            swapMs.add((Number) event.payload().get("swapMs"));
                            swapPhases.add((Map<?, ?>) event.payload().get("swapPhasesMs"));
                            reloadMs.add((Number) event.payload().get("ms"));
                        }
                    }));
            var recentLog = new RecentLog(name);
            Optional<LogReaderService> logReader =
                    Optional.ofNullable(context.getServiceReference(LogReaderService.class)).map(context::getService);
            logReader.ifPresent(reader -> reader.addLogListener(recentLog));
            try {
                report.put("language", language);
                reloads(name);
                dependents(name);
                watched(name);
                soak(name);
                barrier();
                report.put("eventsPostedInAll", nextId);
                report.put("handledByResource", handledByResource(name));
            } catch (Exception | AssertionError failure) {
                // say what became of the subject (a failed run often leaves it stopped in error, with the reason) and
                // what the log said about it last
                String became;
                try {
                    ResourceInfo info = resources.info(name);
                    became = info.state() + info.lastError().map(e -> " (" + e + ")").orElse("");
                } catch (RuntimeException e) {
                    became = "unknown (" + e + ")";
                }
                throw new IllegalStateException(name + " is " + became + " after: " + failure
                        + recentLog.lines().stream().map(line -> "\n  log: " + line).collect(Collectors.joining()),
                        failure);
            } finally {
                logReader.ifPresent(reader -> reader.removeLogListener(recentLog));
                subscriptions.forEach(Subscription::close);
                if (resources.info(name).state() == ResourceState.STARTED) {
                    resources.stop(name);
                }
                if (chatter != null) {
                    service(Simulation.class).quit(CHATTER);
                }
            }
            return report;
        }

        private void reloads(String name) throws Exception {
            int warmup = number("warmup", 20);
            int reloads = number("reloads", 500);
            int events = number("events", 100);
            for (int i = 0; i < warmup; i++) {
                reload(name);
                post(events);
            }
            WeakReference<Object> first = hooksOf(name);
            long heapBefore = heapAfterGc();
            int classesBefore = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
            swapMs.clear();
            swapPhases.clear();
            reloadMs.clear();
            var restartMs = new ArrayList<Double>();
            int firstId = nextId;
            long heapHalfway = 0;
            int classesHalfway = 0;
            for (int i = 0; i < reloads; i++) {
                if (i == reloads / 2) {
                    // what the first half loaded once (the JIT's own classes, method handle forms) is not growth
                    barrier();
                    heapHalfway = heapAfterGc();
                    classesHalfway = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
                }
                long begin = System.nanoTime();
                reload(name);
                restartMs.add((System.nanoTime() - begin) / 1e6);
                post(events);
            }
            barrier();
            boolean collected = false;
            for (int i = 0; i < 10 && !collected; i++) {
                fullGc();
                collected = first.get() == null;
            }
            long heapAfter = heapAfterGc();
            int classesAfter = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
            report.put("reloads", reloads);
            report.put("restartMsP50", percentile(restartMs, 50));
            report.put("restartMsP90", percentile(restartMs, 90));
            report.put("reloadMsP50", percentile(reloadMs, 50));
            report.put("swapMsP50", percentile(swapMs, 50));
            report.put("swapMsP99", percentile(swapMs, 99));
            report.put("swapMsMax", percentile(swapMs, 100));
            for (String phase : SWAP_PHASES) {
                List<Number> times = swapPhases.stream().map(phases -> (Number) phases.get(phase)).toList();
                String key = "swap" + Character.toUpperCase(phase.charAt(0)) + phase.substring(1) + "Ms";
                report.put(key + "P50", percentile(times, 50));
                report.put(key + "P99", percentile(times, 99));
            }
            report.put("heapBeforeMiB", heapBefore / MIB);
            report.put("heapAfterMiB", heapAfter / MIB);
            report.put("heapGrowthMiB", (heapAfter - heapBefore) / MIB);
            report.put("classesBefore", classesBefore);
            report.put("classesAfter", classesAfter);
            report.put("heapGrowthSecondHalfMiB", (heapAfter - heapHalfway) / MIB);
            report.put("classesSecondHalf", classesAfter - classesHalfway);
            report.put("firstVersionCollected", collected);
            report.put("eventsPosted", nextId - firstId);
            report.put("eventsLost", count(firstId, nextId, 0));
            report.put("eventsTwice", count(firstId, nextId, 2));
        }

        /**
         * Reloads the subject while {@code dependents} resources of its language depend on it, and counts which of
         * them the reload restarts (their bundles start again) and what that adds to a reload.
         */
        private void dependents(String name) throws Exception {
            int count = number("dependents", 5);
            int reloads = number("dependentReloads", 20);
            if (count == 0 || reloads == 0) {
                return;
            }
            var names = new ArrayList<String>();
            for (int i = 1; i <= count; i++) {
                String dependent = name + "-dep" + i;
                subject.writeDependent(dependent);
                names.add(dependent);
            }
            var ids = new java.util.HashSet<Long>();
            for (String dependent : names) {
                await(() -> resources.names().contains(dependent), dependent + " is deployed");
                resources.start(dependent);
                ids.add(resources.bundle(dependent).orElseThrow().getBundleId());
            }
            var starts = new java.util.concurrent.atomic.AtomicInteger();
            // synchronous: told on the thread that starts the bundle, before the restart returns
            org.osgi.framework.SynchronousBundleListener listener = event -> {
                if (event.getType() == org.osgi.framework.BundleEvent.STARTED
                        && ids.contains(event.getBundle().getBundleId())) {
                    starts.incrementAndGet();
                }
            };
            context.addBundleListener(listener);
            reloadMs.clear();
            try {
                for (int i = 0; i < reloads; i++) {
                    reload(name);
                }
            } finally {
                context.removeBundleListener(listener);
            }
            report.put("dependents", count);
            report.put("dependentsRestartedPerReload", starts.get() / (double) reloads);
            report.put("withDependentsReloadMsP50", percentile(reloadMs, 50));
            for (String dependent : names) {
                resources.stop(dependent);
                subject.removeDependent(dependent);
                await(() -> !resources.names().contains(dependent), dependent + " is removed");
            }
        }

        private void watched(String name) throws Exception {
            int saves = number("watchReloads", 50);
            if (saves == 0) {
                return;
            }
            resources.watch(name, true);
            reloadMs.clear();
            var writeToLive = new ArrayList<Double>();
            try {
                for (int i = 0; i < saves; i++) {
                    int before = reloadMs.size();
                    long begin = System.nanoTime();
                    subject.write(++version);
                    await(() -> reloadMs.size() > before, "the save reloads " + name);
                    writeToLive.add((System.nanoTime() - begin) / 1e6);
                    Thread.sleep(150); // let the watcher's own events settle before the next save
                }
            } finally {
                resources.watch(name, false);
            }
            report.put("watchReloads", saves);
            report.put("writeToLiveMsP50", percentile(writeToLive, 50));
            report.put("watcherToLiveMsP50", percentile(reloadMs, 50));
        }

        private void soak(String name) throws Exception {
            int seconds = number("soakSeconds", 60);
            int perTick = number("soakPerTick", 1000);
            if (seconds == 0) {
                return;
            }
            swapMs.clear();
            int firstId = nextId;
            Scheduler scheduler = service(Scheduler.class);
            Task poster = scheduler.runRepeating(1, 1, () -> postNow(perTick));
            int reloads = 0;
            long second = TimeUnit.SECONDS.toNanos(1);
            long end = System.nanoTime() + seconds * second;
            try {
                // one reload a second, on the second: a reload that waits for its files to settle does not delay the next
                for (long next = System.nanoTime() + second; next <= end; next += second) {
                    TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
                    reload(name);
                    reloads++;
                }
            } finally {
                poster.cancel();
            }
            barrier();
            TickStatistics ticks = game.statistics();
            report.put("soakSeconds", seconds);
            report.put("soakReloads", reloads);
            report.put("soakEvents", nextId - firstId);
            int lost = count(firstId, nextId, 0);
            int twice = count(firstId, nextId, 2);
            report.put("soakLost", lost);
            report.put("soakTwice", twice);
            report.put("soakSwapMsMax", percentile(swapMs, 100));
            report.put("soakTickMsMax", ticks.last1m().maxMs());
            report.put("soakTps", ticks.last1m().tps());
            if (lost > 0 || twice > 0) {
                // the run fails here, with what the log said about the subject (the reason it missed events)
                throw new AssertionError("the soak lost " + lost + " of " + (nextId - firstId) + " events and handled "
                        + twice + " twice");
            }
        }

        private void reload(String name) throws Exception {
            subject.write(++version);
            resources.restart(name);
        }

        /** Posts events on the game thread and waits until they were handled. */
        private void post(int count) throws Exception {
            game.submit(() -> {
                postNow(count);
                return null;
            }).get(30, TimeUnit.SECONDS);
        }

        /** Posts events; on the game thread. */
        private void postNow(int count) {
            for (int i = 0; i < count && nextId < MAX_EVENTS; i++) {
                int id = nextId++;
                if (chatter == null) {
                    bus.post(EVENT, Map.of("id", id));
                } else if (bus.post(new PlayerChatEvent(chatter, "e" + id, PlayerChatEvent.DEFAULT_FORMAT, List.of()))
                        .isCancelled()) {
                    acks[id]++;
                }
            }
        }

        /**
         * How many events the running version says its versions handled in all, from the state it would hand over
         * (a count, or an object with {@code handled}): with every event acknowledged, a count above the events posted
         * means one was handled twice (a WebAssembly subject's cancel cannot say it).
         */
        private long handledByResource(String name) throws Exception {
            Bundle bundle = resources.bundle(name).orElseThrow();
            for (ServiceReference<ReloadHooks> reference : context.getServiceReferences(ReloadHooks.class, null)) {
                if (reference.getBundle() != null && reference.getBundle().getBundleId() == bundle.getBundleId()) {
                    ReloadHooks hooks = context.getService(reference);
                    try {
                        Object state = game.submit(() -> hooks.saveState(ReloadState.DEFAULT_MAX_BYTES)
                                .map(ReloadState::value).orElse(null)).get(30, TimeUnit.SECONDS);
                        Object handled = state instanceof Map<?, ?> map ? map.get("handled") : state;
                        return ((Number) Objects.requireNonNull(handled, name + " saved no count")).longValue();
                    } finally {
                        context.ungetService(reference);
                    }
                }
            }
            throw new IllegalStateException(name + " registered no reload hooks");
        }

        /** Waits until the game thread has done everything queued before. */
        private void barrier() throws Exception {
            for (int i = 0; i < 3; i++) {
                game.submit(() -> null).get(30, TimeUnit.SECONDS);
            }
        }

        private int count(int from, int to, int handled) {
            int found = 0;
            for (int id = from; id < to; id++) {
                if (handled == 0 ? acks[id] == 0 : acks[id] >= handled) {
                    found++;
                }
            }
            return found;
        }

        private WeakReference<Object> hooksOf(String name) throws Exception {
            Bundle bundle = resources.bundle(name).orElseThrow();
            for (ServiceReference<ReloadHooks> reference : context.getServiceReferences(ReloadHooks.class, null)) {
                if (reference.getBundle() != null && reference.getBundle().getBundleId() == bundle.getBundleId()) {
                    var hooks = new WeakReference<Object>(context.getService(reference));
                    context.ungetService(reference);
                    return hooks;
                }
            }
            throw new IllegalStateException(name + " registered no reload hooks");
        }
    }

    /** {@return the heap used after a full GC, taken once the JIT compilers are quiet (at most 30 s)} */
    private static long heapAfterGc() throws InterruptedException {
        CompilerQuiet.await(Duration.ofSeconds(30));
        fullGc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void fullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static double percentile(List<? extends Number> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = new ArrayList<Double>(values.stream().map(Number::doubleValue).toList());
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return Math.round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) * 100) / 100.0;
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
