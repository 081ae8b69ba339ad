package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.deploy.BundleFactory;
import dev.plinth.core.resource.internal.deploy.BundleHeaders;
import dev.plinth.core.resource.internal.deploy.ResourceScanner;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import dev.plinth.core.resource.internal.reload.ChangeBursts;
import dev.plinth.core.resource.internal.reload.DevMode;
import dev.plinth.core.resource.internal.reload.FileChanges;
import dev.plinth.core.resource.internal.reload.ServerFiles;
import dev.plinth.core.resource.reload.LoadedFiles;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;

/**
 * Keeps the bundles in step with the instance's {@code resources/} folder: a resource that appears is built and
 * installed (not started), one that disappears is stopped (its dependents first) and uninstalled, and one whose
 * files change gets the new content: at once when it is not started; when it is, it is reloaded at once in
 * development mode ({@link DevMode}: {@code resource:watch}, {@code DevResources}, {@code ResourceHotReload}), else at
 * its next {@code resource:restart}. A change to files the server does not run ({@link ServerFiles}: client files,
 * assets, but those its server side {@linkplain LoadedFiles loaded}) restarts nothing. A change is acted upon once the files have stayed the same for one scan, or, for the
 * changes the file watcher reported, once they stayed the same for the debounce delay, so a folder being copied is
 * not deployed half-way and a burst of writes is one reload. A source that cannot be deployed is reported once per
 * change, with its error. What Plinth writes into a resource's folder itself (its config assets) is no change to act
 * upon.
 *
 * <p>Not thread-safe: {@link #sync} runs on the deployer thread only.
 */
final class Deployer {

    private final BundleContext context;
    private final Optional<Path> folder;
    private final Deployments deployments;
    private final Lifecycle lifecycle;
    private final BundleFactory factory;
    private final StateTable states;
    private final DevMode devMode;
    private final LoadedFiles loaded;
    private final Logger log;
    private final Map<String, String> observed = new HashMap<>();
    private final Map<String, String> announced = new HashMap<>();
    private final Map<String, String> ownWrites = new ConcurrentHashMap<>();
    private final Set<String> reportedIgnored = new HashSet<>();

    Deployer(BundleContext context, Optional<Path> folder, Deployments deployments, Lifecycle lifecycle,
            BundleFactory factory, StateTable states, DevMode devMode, LoadedFiles loaded, Logger log) {
        this.context = context;
        this.folder = folder;
        this.deployments = deployments;
        this.lifecycle = lifecycle;
        this.factory = factory;
        this.states = states;
        this.devMode = devMode;
        this.loaded = loaded;
        this.log = log;
    }

    /**
     * Scans the folder and applies what changed. One resource's failure, whatever it is, is that resource's: it is
     * reported and listed in error, and the others are deployed all the same.
     *
     * @param initial whether this is the first scan, acted upon without waiting for the files to settle
     * @param settled the sources whose changes the watcher reported and which stayed the same since: acted upon
     *     without waiting for another scan ({@link ChangeBursts#EVERYTHING} for all of them)
     */
    void sync(boolean initial, Set<String> settled) {
        if (folder.isEmpty()) {
            return;
        }
        ResourceScanner.Scan scan;
        try {
            scan = ResourceScanner.scan(folder.get());
        } catch (UncheckedIOException e) {
            log.error("cannot scan {}: {}", folder.get(), e.getMessage());
            return;
        }
        for (String ignored : scan.ignored()) {
            if (reportedIgnored.add(ignored)) {
                log.warn("resources/{} is not a resource: it has no resource.toml, plugin.toml, meta.json or "
                        + "manifest.json (a category folder is named in square brackets, such as [gameplay])", ignored);
            }
        }
        var current = new LinkedHashMap<String, ResourceSource>();
        scan.sources().forEach(source -> current.put(source.relative(), source));
        removeGone(current);
        var arrivals = new ArrayList<Arrival>();
        for (ResourceSource source : current.values()) {
            try {
                visit(source, initial || settled.contains(source.relative())
                        || settled.contains(ChangeBursts.EVERYTHING), arrivals);
            } catch (RuntimeException | Error e) {
                refuse(new Arrival(source, ""), unexpected(source, e), e);
            }
        }
        reportUnresolved(deployAll(arrivals));
    }

    /** A source to deploy, with its fingerprint when it was read. */
    private record Arrival(ResourceSource source, String fingerprint) {}

    /** A source whose bundle is installed but not yet registered: its name is checked first. */
    private record Candidate(Arrival arrival, Deployment deployment) {}

    private void visit(ResourceSource source, boolean settled, List<Arrival> arrivals) {
        SortedMap<String, String> files = ResourceScanner.snapshot(source);
        String fingerprint = ResourceScanner.fingerprint(files);
        String before = observed.put(source.relative(), fingerprint);
        if (!settled && !fingerprint.equals(before)) {
            return; // still changing: wait for it to settle
        }
        Optional<Deployment> deployment = deployments.bySource(source.relative());
        if (deployment.isEmpty()) {
            if (!deployments.failureOf(source.relative()).map(f -> f.fingerprint().equals(fingerprint)).orElse(false)) {
                arrivals.add(new Arrival(source, fingerprint));
            }
        } else if (!fingerprint.equals(deployment.get().fingerprint())
                && !fingerprint.equals(announced.get(source.relative()))
                && !fingerprint.equals(ownWrites.get(source.relative()))) {
            changed(deployment.get(), fingerprint, files);
        }
    }

    /**
     * Plinth itself just wrote into a resource's folder (a config asset): the change is data, not code, and is no
     * reason to restart it, even with {@code ResourceHotReload}; its next restart takes the new content in. Any
     * thread.
     *
     * @param source the resource's folder, as it is now
     */
    void wroteItself(ResourceSource source) {
        ownWrites.put(source.relative(), ResourceScanner.fingerprint(source));
    }

    private void removeGone(Map<String, ResourceSource> current) {
        for (Deployment deployment : deployments.all()) {
            if (!current.containsKey(deployment.source().relative())) {
                try {
                    List<String> stopped = lifecycle.undeploy(deployment);
                    devMode.forget(deployment.name());
                    log.info("removed {} (its folder resources/{} is gone){}", deployment.name(),
                            deployment.source().relative(), stopped.isEmpty() ? "" : "; stopped " + String.join(", ", stopped));
                    retryClaimsOf(deployment.name());
                } catch (ResourceException e) {
                    log.warn("cannot remove {} yet: {}", deployment.name(), e.getMessage());
                }
            }
        }
        for (Deployments.Failure failure : deployments.failures()) {
            if (!current.containsKey(failure.source().relative())) {
                deployments.remove(failure.source().relative());
                retryClaimsOf(failure.name());
            }
        }
        observed.keySet().retainAll(current.keySet());
        announced.keySet().retainAll(current.keySet());
        ownWrites.keySet().retainAll(current.keySet());
    }

    /** A name was freed: the sources refused for claiming it are tried again at this scan. */
    private void retryClaimsOf(String name) {
        for (Deployments.Failure failure : deployments.failures()) {
            if (failure.name().equals(name) && failure.error().code() == ResourceErrorCode.ERR_INVALID_NAME) {
                deployments.remove(failure.source().relative());
            }
        }
    }

    /**
     * Builds and installs the arrivals, then registers those whose name is theirs alone: arrivals claiming one name
     * are all refused (neither came first; sorting must not decide who gets the name and its grants), and an arrival
     * claiming the name of a deployed or system resource is refused. A name a manifest declares is checked before
     * anything is installed; a jar's is known once it is installed.
     */
    private List<Deployment> deployAll(List<Arrival> arrivals) {
        var builds = new ArrayList<Build>();
        for (Arrival arrival : arrivals) {
            attempt(arrival, () -> builds.add(new Build(arrival, factory.build(arrival.source()))));
        }
        var declared = claims(builds.stream().filter(b -> b.built().descriptor().isPresent()).toList(),
                b -> b.built().descriptor().orElseThrow().name());
        var candidates = new ArrayList<Candidate>();
        for (Build build : builds) {
            var claimants = build.built().descriptor().map(d -> declared.get(d.name())).orElse(List.of(build));
            if (claimants.size() > 1) {
                factory.discard(build.built().file());
                refuse(build.arrival(), clash(claimants.getFirst().built().descriptor().orElseThrow().name(),
                        claimants.stream().map(Build::arrival).toList()), null);
            } else {
                attempt(build.arrival(), () -> candidates.add(new Candidate(build.arrival(),
                        lifecycle.install(build.arrival().source(), build.built()))));
            }
        }
        var deployed = new ArrayList<Deployment>();
        for (var claim : claims(candidates, c -> c.deployment().name()).entrySet()) {
            List<Candidate> claimants = claim.getValue();
            Optional<ResourceException> refusal = claimants.size() > 1
                    ? Optional.of(clash(claim.getKey(), claimants.stream().map(Candidate::arrival).toList()))
                    : nameTaken(claim.getKey(), claimants.getFirst().arrival().source());
            for (Candidate candidate : claimants) {
                if (refusal.isPresent()) {
                    lifecycle.discard(candidate.deployment());
                    refuse(candidate.arrival(), refusal.get(), null);
                } else {
                    lifecycle.register(candidate.deployment());
                    var d = candidate.deployment().descriptor();
                    log.info("deployed {} {} ({}, {}) from resources/{}", d.name(), d.version(), d.type().id(),
                            d.language().id(), candidate.arrival().source().relative());
                    deployed.add(candidate.deployment());
                }
            }
        }
        return deployed;
    }

    /** A built bundle not yet installed. */
    private record Build(Arrival arrival, BundleFactory.Built built) {}

    /** Runs one step of an arrival's deployment; its failure, whatever it is, refuses that arrival only. */
    private void attempt(Arrival arrival, Runnable step) {
        try {
            step.run();
        } catch (ResourceException e) {
            refuse(arrival, e, null);
        } catch (UncheckedIOException e) {
            refuse(arrival, new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, arrival.source().fileName(),
                    e.getMessage(), e), null);
        } catch (RuntimeException | Error e) {
            refuse(arrival, unexpected(arrival.source(), e), e);
        }
    }

    private static <T> Map<String, List<T>> claims(List<T> claimants, Function<T, String> name) {
        var claims = new LinkedHashMap<String, List<T>>();
        claimants.forEach(c -> claims.computeIfAbsent(name.apply(c), n -> new ArrayList<>()).add(c));
        return claims;
    }

    private static ResourceException clash(String name, List<Arrival> claimants) {
        List<String> sources = claimants.stream().map(a -> "resources/" + a.source().relative()).toList();
        return new ResourceException(ResourceErrorCode.ERR_INVALID_NAME, name, String.join(" and ", sources)
                + (sources.size() == 2 ? " both" : " all") + " claim the name " + name + ": none of them is deployed "
                + "(a name and its grants belong to one resource); rename or remove all but one");
    }

    private Optional<ResourceException> nameTaken(String name, ResourceSource source) {
        Optional<Deployment> other = deployments.byName(name)
                .filter(d -> !d.source().relative().equals(source.relative()));
        if (other.isPresent()) {
            return Optional.of(new ResourceException(ResourceErrorCode.ERR_INVALID_NAME, name, "resources/"
                    + source.relative() + " is named " + name + ", like resources/" + other.get().source().relative()
                    + ", which was deployed first: resource names are unique"));
        }
        if (name.equals(BundleHeaders.SERVER) || SystemResources.find(context, name, deployments).isPresent()) {
            return Optional.of(new ResourceException(ResourceErrorCode.ERR_INVALID_NAME, name, "resources/"
                    + source.relative() + " is named " + name + ", the name of a system resource"));
        }
        return Optional.empty();
    }

    private void refuse(Arrival arrival, ResourceException error, @Nullable Throwable unexpected) {
        deployments.fail(new Deployments.Failure(arrival.source(), error, arrival.fingerprint()));
        states.deploymentFailed();
        if (unexpected == null) {
            log.error("resources/{} is not deployed: {}", arrival.source().relative(), error.getMessage());
        } else {
            log.error("resources/{} is not deployed: {}", arrival.source().relative(), error.getMessage(), unexpected);
        }
    }

    /** A failure no reader expects (a stack overflow, memory running out): that resource's, never the scanner's. */
    private static ResourceException unexpected(ResourceSource source, Throwable failure) {
        String what = switch (failure) {
            case StackOverflowError e -> "reading it overflowed the stack";
            case OutOfMemoryError e -> "reading it ran out of memory";
            default -> "reading it failed: " + failure;
        };
        return new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, source.fileName(),
                "resources/" + source.relative() + " cannot be deployed: " + what, failure);
    }

    private void changed(Deployment deployment, String fingerprint, SortedMap<String, String> files) {
        String name = deployment.name();
        Bundle bundle = context.getBundle(deployment.bundleId());
        boolean started = bundle != null && bundle.getState() == Bundle.ACTIVE;
        try {
            List<String> changedFiles = FileChanges.between(deployment.files(), files);
            if (started && !changedFiles.isEmpty() && ServerFiles.of(deployment.descriptor(), loaded.loadedBy(bundle))
                    .served(changedFiles).isEmpty()) {
                log.info("{}: {} changed, which the server does not run (client files, assets): not restarted", name,
                        String.join(", ", changedFiles));
            } else if (started && devMode.watched(name)) {
                lifecycle.restartSettled(name); // the reload tells the console, the operators and the bus how it went
            } else if (started) {
                log.info("{} changed on disk: resource:restart {} applies the change (resource:watch {} reloads it as "
                        + "soon as its files change)", name, name, name);
            } else {
                var updated = lifecycle.update(deployment);
                log.info("updated {} to {} from resources/{}", name, updated.descriptor().version(),
                        deployment.source().relative());
            }
        } catch (ResourceException e) {
            if (e.code() == ResourceErrorCode.ERR_RESOURCE_LOCKED) {
                return; // mid-transition: try again at the next scan
            }
            if (e.code() == ResourceErrorCode.ERR_INVALID_NAME && !started) {
                lifecycle.undeploy(deployment); // renamed: deployed anew under its new name at the next scan
                observed.remove(deployment.source().relative());
                return;
            }
            if (!started) {
                log.error("{}", e.getMessage()); // a reload has said it already
            }
        } catch (UncheckedIOException e) {
            log.error("{}: its new content is not deployed: {}", name, e.getMessage());
        } catch (RuntimeException | Error e) {
            log.error("{}: its new content is not deployed: {}", name, unexpected(deployment.source(), e).getMessage(), e);
        }
        announced.put(deployment.source().relative(), fingerprint);
    }

    /** Says once why each newly deployed resource does not resolve (a missing dependency or language host). */
    private void reportUnresolved(List<Deployment> deployed) {
        // one run of the resolver for them all (a run per bundle costs more than the bundles take to install)
        lifecycle.resolveAll(deployed.stream().map(d -> context.getBundle(d.bundleId())).filter(Objects::nonNull)
                .toList());
        for (Deployment deployment : deployed) {
            Bundle bundle = context.getBundle(deployment.bundleId());
            if (bundle != null && !lifecycle.resolves(bundle)) {
                log.warn("{} does not resolve: {}", deployment.name(),
                        String.join("; ", lifecycle.graph().unresolved(bundle)));
            }
        }
    }
}
