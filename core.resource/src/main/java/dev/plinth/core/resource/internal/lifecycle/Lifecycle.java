package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.host.HostFailure;
import dev.plinth.core.resource.internal.deploy.BundleFactory;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import dev.plinth.core.resource.internal.runtime.ServerThread;
import dev.plinth.core.resource.internal.settings.ResourceSettings;
import dev.plinth.core.resource.internal.reload.ContextReplay;
import dev.plinth.core.resource.internal.reload.ReloadFeedback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;

/**
 * Starts, stops and restarts resources: dependencies start first, dependents stop first, every transition on the
 * server thread within its timeout, every resource changed under its lock. A restart with new content updates
 * and refreshes the bundle, and puts the previous content back when the new one fails to start. A resource its
 * language host stops outside of a transition ({@link #hostFailed}) is in error with the host's message, after the
 * resources that need it are stopped.
 *
 * <p>Thread-safe. The calling thread plans, resolves and waits; the transitions themselves run on the server
 * thread.
 */
final class Lifecycle {

    private final BundleContext context;
    private final Deployments deployments;
    private final StateTable states;
    private final ResourceGraph graph;
    private final ResourceEvents events;
    private final TransitionLocks locks;
    private final Transitions transitions;
    private final Supplier<ServerThread> serverThread;
    private final Supplier<ResourceSettings> settings;
    private final BundleFactory factory;
    private final BundleUpdates updates;
    private final HostPreparations preparations;
    private final SettledFiles settled;
    private final Reloads reloads;
    private final Logger log;

    Lifecycle(BundleContext context, Deployments deployments, StateTable states, ResourceEvents events,
            TransitionLocks locks, Supplier<ServerThread> serverThread, Supplier<ResourceSettings> settings,
            BundleFactory factory, HostFailureLookup hostFailures, PendingStarts pendingStarts, StopHooks stopHooks,
            ReloadParticipants participants, ContextReplay replay, ReloadFeedback feedback,
            HostPreparations preparations, SettledFiles settled, Logger log) {
        this.context = context;
        this.deployments = deployments;
        this.states = states;
        this.graph = new ResourceGraph(context, deployments);
        this.events = events;
        this.locks = locks;
        this.transitions = new Transitions(serverThread, events, hostFailures, pendingStarts::of, stopHooks::detach);
        this.serverThread = serverThread;
        this.settings = settings;
        this.factory = factory;
        this.updates = new BundleUpdates(context, deployments, states, factory);
        this.preparations = preparations;
        this.settled = settled;
        this.log = log;
        this.reloads = new Reloads(this, locks, factory, updates, participants, replay, feedback, serverThread, settings,
                log);
    }

    ResourceGraph graph() {
        return graph;
    }

    /** Resolves resource bundles and what they need, as far as the framework can, in one run of its resolver. */
    void resolveAll(List<Bundle> bundles) {
        updates.resolveAll(bundles);
    }

    /** Whether a resource bundle resolves (resolving it and what it needs, when the framework can). */
    boolean resolves(Bundle bundle) {
        return updates.resolve(bundle);
    }

    /**
     * Starts a resource, its dependencies first.
     *
     * @param ensure whether a resource already started is a success rather than ERR_ALREADY_STARTED
     */
    LifecycleResult start(String name, boolean ensure) {
        Deployment deployment = require(name);
        try (var lock = locks.acquire(name, "starting")) {
            if (bundle(deployment).getState() == Bundle.ACTIVE) {
                if (ensure) {
                    return new LifecycleResult(name, ResourceState.STARTED, List.of(), List.of(),
                            name + " is already started");
                }
                throw new ResourceException(ResourceErrorCode.ERR_ALREADY_STARTED, name, name + " is already started");
            }
            try {
                List<String> started = startChain(deployment, lock);
                return new LifecycleResult(name, ResourceState.STARTED, started, List.of(), "started " + name
                        + (started.size() > 1 ? " (after its dependencies: "
                                + join(started.subList(0, started.size() - 1)) + ")" : ""));
            } catch (ResourceException e) {
                reportStartFailure(name, e);
                throw e;
            }
        }
    }

    /** Stops a resource, the resources that need it first. */
    LifecycleResult stop(String name) {
        Deployment deployment = require(name);
        try (var lock = locks.acquire(name, "stopping")) {
            if (bundle(deployment).getState() != Bundle.ACTIVE) {
                throw new ResourceException(ResourceErrorCode.ERR_ALREADY_STOPPED, name, name + " is not started");
            }
            List<String> stopped = stopWithDependents(deployment, lock);
            List<String> dependents = stopped.subList(0, stopped.size() - 1);
            return new LifecycleResult(name, states.state(bundle(deployment)), List.of(), stopped, "stopped " + name
                    + (dependents.isEmpty() ? "" : " (after its dependents: " + join(dependents) + ")"));
        }
    }

    /**
     * Restarts a resource with the content of its source now. A started resource is reloaded ({@link Reloads}): its
     * state is handed over, its dependents restart with it, all at one tick boundary. A resource that was stopped is
     * started (with its new content, rolled back when that fails).
     */
    LifecycleResult restart(String name) {
        return restart(name, true);
    }

    /**
     * Restarts a watched resource whose files the watcher saw settle (they stayed the same for the hot reload's
     * debounce): as {@link #restart(String)}, without waiting for them to stay the same for another scan, so a save is
     * live as soon as the watcher reports it.
     */
    LifecycleResult restartSettled(String name) {
        return restart(name, false);
    }

    private LifecycleResult restart(String name, boolean settle) {
        Deployment previous = require(name);
        var lock = locks.acquire(name, "restarting");
        try (lock) {
            if (settle && !serverThread.get().isCurrentThread()) { // never sleeps on the game thread
                settled.await(name, previous.source(),
                        System.nanoTime() + settings.get().timeouts().restartTimeout().toNanos());
            }
            if (isActive(previous)) {
                return reloads.reload(previous, lock);
            }
            if (!updates.changed(previous)) {
                return restartUnchanged(previous, lock);
            }
            Deployment current = updates.apply(previous, factory.build(previous.source()));
            try {
                List<String> started = startChain(current, lock);
                factory.discard(previous.bundleFile());
                postRestarted(name);
                return new LifecycleResult(name, ResourceState.STARTED, started, List.of(), "restarted " + name + " "
                        + current.descriptor().version() + " with its new content");
            } catch (ResourceException failure) {
                throw rollback(previous, current, lock, failure);
            }
        } catch (ResourceException e) {
            if (e.code() != ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED
                    && e.code() != ResourceErrorCode.ERR_RESTART_ROLLBACK_FAILED) {
                reportStartFailure(name, e);
            }
            throw e;
        }
    }

    /** Counts a restart and posts {@code resource:restart} on the server thread, without waiting for its handlers. */
    void postRestarted(String name) {
        states.restarted();
        transitions.postLater(() -> events.post(ResourceEvents.RESTART, name));
    }

    private LifecycleResult restartUnchanged(Deployment deployment, TransitionLocks.Lock lock) {
        String name = deployment.name();
        List<String> started = startChain(deployment, lock);
        postRestarted(name);
        return new LifecycleResult(name, ResourceState.STARTED, started, List.of(), "restarted " + name);
    }

    /** Puts the previous content back after the new content of a stopped resource failed to start. */
    private ResourceException rollback(Deployment previous, Deployment failed, TransitionLocks.Lock lock,
            ResourceException failure) {
        String name = previous.name();
        log.warn("{}: the new content failed to start ({}); putting the previous content back", name, failure.getMessage());
        states.rolledBack();
        try {
            stopQuietly(failed, lock);
            updates.restore(failed, previous);
            postStartError(name, failure.getMessage());
            return new ResourceException(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, name, name
                    + ": the new content failed to start (" + failure.getMessage() + "); the previous content (version "
                    + previous.descriptor().version() + ") was put back", failure);
        } catch (RuntimeException rollbackFailure) {
            markFailed(name, rollbackFailure.getMessage());
            postStartError(name, failure.getMessage());
            return new ResourceException(ResourceErrorCode.ERR_RESTART_ROLLBACK_FAILED, name, name
                    + ": the new content failed to start (" + failure.getMessage()
                    + "), and putting the previous content back failed too (" + rollbackFailure.getMessage() + ")",
                    failure);
        }
    }

    /** Resolves a resource, checks its dependencies, and starts those not started, then itself. */
    List<String> startChain(Deployment deployment, TransitionLocks.Lock lock) {
        String name = deployment.name();
        DependencyGraph dependencies = graph.graph();
        dependencies.cycleFrom(name).ifPresent(cycle -> {
            throw new ResourceException(ResourceErrorCode.ERR_DEPENDENCY_CYCLE, name,
                    name + " is in a dependency cycle: " + String.join(" -> ", cycle));
        });
        Bundle bundle = bundle(deployment);
        if (!resolves(bundle)) {
            List<String> reasons = graph.unresolved(bundle);
            throw new ResourceException(ResourceErrorCode.ERR_DEPENDENCY_MISSING, name, reasons.isEmpty()
                    ? name + " does not resolve" : String.join("; ", reasons));
        }
        List<Deployment> chain = dependencies.startOrder(name).stream()
                .map(deployments::byName).flatMap(Optional::stream).toList();
        chain.forEach(this::checkGameVersion);
        var started = new ArrayList<String>();
        var timeout = settings.get().timeouts().startTimeout();
        for (Deployment d : chain) {
            Bundle b = bundle(d);
            if (b.getState() == Bundle.ACTIVE) {
                continue;
            }
            if (!serverThread.get().isCurrentThread()) {
                preparations.prepare(d.name(), b);
            }
            if (d == chain.getLast() || d.name().equals(name)) {
                transitions.start(d.name(), b, timeout, lock);
            } else {
                try (var dependencyLock = locks.acquire(d.name(), "starting for " + name)) {
                    transitions.start(d.name(), b, timeout, dependencyLock);
                } catch (ResourceException e) {
                    reportStartFailure(d.name(), e);
                    throw new ResourceException(e.code(), name, name + " needs " + d.name() + ", which failed to start: "
                            + e.detail(), e);
                }
            }
            states.cleared(b.getBundleId());
            started.add(d.name());
        }
        return started;
    }

    /**
     * The long work starting a resource needs now: its hosts' preparation of it or of a dependency not started yet
     * ({@link HostPreparations#longWork}), named ({@code big: compiling 4000 functions of big.wasm to JVM bytecode}
     * for a dependency's). Empty when its start is quick, or when it cannot start (its start says why).
     */
    Optional<String> longWork(String name) {
        DependencyGraph dependencies = graph.graph();
        if (deployments.byName(name).isEmpty() || dependencies.cycleFrom(name).isPresent()) {
            return Optional.empty();
        }
        for (String each : dependencies.startOrder(name)) {
            Bundle b = deployments.byName(each).map(d -> context.getBundle(d.bundleId())).orElse(null);
            if (b != null && b.getState() != Bundle.ACTIVE) {
                Optional<String> work = preparations.longWork(each, b);
                if (work.isPresent()) {
                    return Optional.of(each.equals(name) ? work.get() : each + ": " + work.get());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Prepares a resource's start ahead of it, on the calling thread: the hosts' preparation of it and of the
     * dependencies it would start first ({@link HostPreparations#prepareAhead}), so that its start, on another thread,
     * finds them prepared. Nothing for a resource that is not deployed, is in a dependency cycle or whose start is long
     * work ({@link #longWork}: the boot defers it), nor for a bundle that is started already or not resolved (its start
     * says why it cannot start).
     */
    void prepareAhead(String name) {
        DependencyGraph dependencies = graph.graph();
        if (deployments.byName(name).isEmpty() || dependencies.cycleFrom(name).isPresent()
                || longWork(name).isPresent()) {
            return;
        }
        for (String each : dependencies.startOrder(name)) {
            deployments.byName(each).map(d -> context.getBundle(d.bundleId()))
                    .filter(b -> b.getState() == Bundle.RESOLVED)
                    .ifPresent(b -> preparations.prepareAhead(each, b));
        }
    }

    /** Begins preparing starts ahead ({@link #prepareAhead}), until {@link #forgetPreparedAhead}. */
    void beginPreparingAhead() {
        preparations.beginAhead();
    }

    /** Forgets the preparations made ahead ({@link #prepareAhead}) whose start did not come. */
    void forgetPreparedAhead() {
        preparations.forgetAhead();
    }

    /** Stops the dependents that are started (each before what it needs), then the resource; returns them in order. */
    private List<String> stopWithDependents(Deployment deployment, TransitionLocks.Lock lock) {
        var stopped = new ArrayList<>(stopDependents(deployment.name()));
        stopOne(deployment, lock, settings.get().timeouts().stopTimeout());
        stopped.add(deployment.name());
        return stopped;
    }

    /** Stops the started resources that need a resource, each before what it needs; returns them in order. */
    private List<String> stopDependents(String name) {
        var stopped = new ArrayList<String>();
        var timeout = settings.get().timeouts().stopTimeout();
        for (String dependent : graph.graph().dependentsStopOrder(name)) {
            Optional<Deployment> d = deployments.byName(dependent);
            if (d.isEmpty() || bundle(d.get()).getState() != Bundle.ACTIVE) {
                continue;
            }
            try (var dependentLock = locks.acquire(dependent, "stopping before " + name)) {
                stopOne(d.get(), dependentLock, timeout);
            }
            stopped.add(dependent);
        }
        return stopped;
    }

    void stopOne(Deployment deployment, TransitionLocks.Lock lock, Duration timeout) {
        Bundle bundle = bundle(deployment);
        try {
            transitions.stop(deployment.name(), bundle, timeout, lock);
            states.cleared(bundle.getBundleId());
        } catch (ResourceException e) {
            states.failed(bundle.getBundleId(), e.getMessage());
            transitions.postLater(() -> events.postError(ResourceEvents.STOP_ERROR, deployment.name(), e.getMessage()));
            throw e;
        }
    }

    void stopQuietly(Deployment deployment, TransitionLocks.Lock lock) {
        Bundle bundle = context.getBundle(deployment.bundleId());
        if (bundle != null && bundle.getState() == Bundle.ACTIVE) {
            try {
                transitions.stop(deployment.name(), bundle, settings.get().timeouts().stopTimeout(), lock);
            } catch (ResourceException e) {
                log.warn("{}", e.getMessage());
            }
        }
    }

    /**
     * A language host failed a resource. While the resource is mid-transition, the transition reports it (a start
     * its host undid fails with the host's message); otherwise the host is about to stop a started resource (it
     * broke its limits): as {@link #stop} would, the started resources that need it are stopped first, each with its
     * {@code resource:stopped}, and the log names them; then the resource is in error with the message, and
     * {@code resource:stopped} is posted with it. Called on the host's thread, before the host stops the bundle;
     * it waits while the dependents stop on the server thread (inline when the host calls on that thread). The
     * failed resource's event is posted on the server thread, after the work under way there.
     *
     * @param failure what the host registered
     */
    void hostFailed(HostFailure failure) {
        Optional<Deployment> deployment = deployments.byBundle(failure.bundleId());
        if (deployment.isEmpty() || locks.isLocked(deployment.get().name())) {
            return;
        }
        String name = deployment.get().name();
        String error = ResourceErrorCode.ERR_SCRIPT_EXECUTION + ": " + failure.message();
        TransitionLocks.Lock lock;
        try {
            lock = locks.acquire(name, "failing");
        } catch (ResourceException locked) {
            return; // a transition took the resource meanwhile: it reports the failure
        }
        try (lock) {
            states.hostFailed(failure.bundleId(), error); // from now on, whoever asks sees it failed
            stopDependentsOfFailed(name, error);
        }
        transitions.postQueued(() -> events.postError(ResourceEvents.STOPPED, name, error));
    }

    private void stopDependentsOfFailed(String name, String error) {
        try {
            List<String> stopped = stopDependents(name);
            if (!stopped.isEmpty()) {
                log.warn("{} failed ({}); the resources that need it were stopped first: {}", name, error,
                        join(stopped));
            }
        } catch (ResourceException e) {
            log.error("{} failed ({}); stopping the resources that need it failed: {}", name, error, e.getMessage());
        }
    }

    /** Installs a newly built resource (stopped), not yet known by its name: {@link #register} makes it known. */
    Deployment install(ResourceSource source, BundleFactory.Built built) {
        return updates.install(source, built);
    }

    /** Makes an installed resource known by its name. */
    void register(Deployment deployment) {
        deployments.put(deployment);
    }

    /** Uninstalls a resource that was installed but never registered (its name is not its own). */
    void discard(Deployment deployment) {
        updates.uninstall(deployment);
    }

    /**
     * Gives a resource that is not started the content of its source now.
     *
     * @throws ResourceException ERR_RESOURCE_LOCKED, or why the new content cannot be built or installed
     */
    Deployment update(Deployment deployment) {
        try (var lock = locks.acquire(deployment.name(), "updating")) {
            if (bundle(deployment).getState() == Bundle.ACTIVE) {
                throw new ResourceException(ResourceErrorCode.ERR_ALREADY_STARTED, deployment.name(),
                        deployment.name() + " is started: restart it to apply its new content");
            }
            return updates.apply(deployment, factory.build(deployment.source()));
        }
    }

    /** Stops a resource (its dependents first) and uninstalls it: its source is gone. */
    List<String> undeploy(Deployment deployment) {
        try (var lock = locks.acquire(deployment.name(), "being removed")) {
            Bundle bundle = context.getBundle(deployment.bundleId());
            List<String> stopped = bundle != null && bundle.getState() == Bundle.ACTIVE
                    ? stopWithDependents(deployment, lock) : List.of();
            updates.uninstall(deployment);
            return stopped;
        }
    }

    /** Stops every started resource, dependents before what they need; failures are logged, the rest still stop. */
    void stopAll() {
        for (String name : graph.graph().shutdownOrder()) {
            deployments.byName(name).filter(d -> bundle(d).getState() == Bundle.ACTIVE).ifPresent(d -> {
                try (var lock = locks.acquire(name, "stopping for shutdown")) {
                    stopOne(d, lock, settings.get().timeouts().stopTimeout());
                } catch (ResourceException e) {
                    log.error("{}", e.getMessage());
                }
            });
        }
    }

    /**
     * A deployed resource by name.
     *
     * @throws ResourceException ERR_SYSTEM_RESOURCE for a bundle that is not deployed from {@code resources/},
     *     the deployment error of a source that could not be deployed, or ERR_NOT_FOUND
     */
    Deployment require(String name) {
        Optional<Deployment> deployment = deployments.byName(name);
        if (deployment.isPresent() && context.getBundle(deployment.get().bundleId()) != null) {
            return deployment.get();
        }
        Optional<Bundle> system = SystemResources.find(context, name, deployments);
        if (system.isPresent()) {
            throw new ResourceException(ResourceErrorCode.ERR_SYSTEM_RESOURCE, name, name + " is a system resource ("
                    + system.get().getSymbolicName() + "): it is not started, stopped or restarted as a resource");
        }
        Optional<Deployments.Failure> failure = deployments.failureByName(name);
        if (failure.isPresent()) {
            throw failure.get().error();
        }
        throw new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, name, "no resource named " + name
                + " is deployed (resource:list shows those that are)");
    }

    /** {@return the stop timeout now in force} */
    Duration stopTimeout() {
        return settings.get().timeouts().stopTimeout();
    }

    /**
     * The started resources a reload of a resource takes along, each before what it needs (the order they stop in):
     * those that need it, and any other resource the framework's refresh would restart with it (a plugin importing a
     * package of it), first, so that every one of them stops and starts on the server thread, never on the
     * framework's refresh thread.
     */
    List<Deployment> startedDependents(String name) {
        List<Deployment> needing = graph.graph().dependentsStopOrder(name).stream().map(deployments::byName)
                .flatMap(Optional::stream).filter(this::isActive).toList();
        var taken = new ArrayList<Deployment>();
        for (Bundle wired : updates.refreshedWith(bundle(require(name)))) {
            deployments.byBundle(wired.getBundleId()).filter(d -> !needing.contains(d) && isActive(d))
                    .ifPresent(taken::add);
        }
        taken.addAll(needing);
        return taken;
    }

    /** A deployed resource by name, if any. */
    Optional<Deployment> deployment(String name) {
        return deployments.byName(name);
    }

    /** Whether a resource's bundle is started. */
    boolean isActive(Deployment deployment) {
        Bundle bundle = context.getBundle(deployment.bundleId());
        return bundle != null && bundle.getState() == Bundle.ACTIVE;
    }

    /** Counts a restart whose new content was rolled back. */
    void rolledBack() {
        states.rolledBack();
    }

    /** Puts a resource in error with a message. */
    void markFailed(String name, String error) {
        deployments.byName(name).ifPresent(d -> states.failed(d.bundleId(), error));
    }

    Bundle bundle(Deployment deployment) {
        Bundle bundle = context.getBundle(deployment.bundleId());
        if (bundle == null) {
            throw new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, deployment.name(),
                    deployment.name() + " was removed meanwhile");
        }
        return bundle;
    }

    private void checkGameVersion(Deployment deployment) {
        gameVersionProblem(deployment).ifPresent(problem -> {
            throw new ResourceException(ResourceErrorCode.ERR_DEPENDENCY_MISSING, deployment.name(), problem);
        });
    }

    /** Why the game the server runs is not one a resource accepts ({@code @game}); empty when it is or is unknown. */
    Optional<String> gameVersionProblem(Deployment deployment) {
        return GameRequirement.problem(deployment.descriptor(), serverThread.get().gameVersion());
    }

    private void reportStartFailure(String name, ResourceException e) {
        deployments.byName(name).ifPresent(d -> states.failed(d.bundleId(), e.getMessage()));
        postStartError(name, e.getMessage());
    }

    void postStartError(String name, String error) {
        transitions.postLater(() -> events.postError(ResourceEvents.START_ERROR, name, error));
    }

    private static String join(List<String> names) {
        return String.join(", ", names);
    }
}
