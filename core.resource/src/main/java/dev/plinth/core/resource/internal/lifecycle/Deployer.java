package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.deploy.BundleFactory;
import dev.plinth.core.resource.internal.deploy.BundleHeaders;
import dev.plinth.core.resource.internal.deploy.ResourceScanner;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import dev.plinth.core.resource.internal.settings.ResourceSettings;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;

/**
 * Keeps the bundles in step with the instance's {@code resources/} folder: a resource that appears is built and
 * installed (not started), one that disappears is stopped (its dependents first) and uninstalled, and one whose
 * files change gets the new content: at once when it is not started; at its next {@code resource:restart} when it
 * is, or at once when {@code ResourceHotReload} is on. A change is acted upon once the files have stayed the same
 * for one scan, so a folder being copied is not deployed half-way. A source that cannot be deployed is reported
 * once per change, with its error.
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
    private final Supplier<ResourceSettings> settings;
    private final Logger log;
    private final Map<String, String> observed = new HashMap<>();
    private final Map<String, String> announced = new HashMap<>();
    private final Set<String> reportedIgnored = new HashSet<>();

    Deployer(BundleContext context, Optional<Path> folder, Deployments deployments, Lifecycle lifecycle,
            BundleFactory factory, StateTable states, Supplier<ResourceSettings> settings, Logger log) {
        this.context = context;
        this.folder = folder;
        this.deployments = deployments;
        this.lifecycle = lifecycle;
        this.factory = factory;
        this.states = states;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Scans the folder and applies what changed.
     *
     * @param initial whether this is the first scan, acted upon without waiting for the files to settle
     */
    void sync(boolean initial) {
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
        var deployed = new ArrayList<Deployment>();
        for (ResourceSource source : current.values()) {
            String fingerprint = ResourceScanner.fingerprint(source);
            String before = observed.put(source.relative(), fingerprint);
            if (!initial && !fingerprint.equals(before)) {
                continue; // still changing: wait for it to settle
            }
            Optional<Deployment> deployment = deployments.bySource(source.relative());
            if (deployment.isEmpty()) {
                if (deployments.failureOf(source.relative()).map(f -> f.fingerprint().equals(fingerprint)).orElse(false)) {
                    continue;
                }
                deploy(source, fingerprint).ifPresent(deployed::add);
            } else if (!fingerprint.equals(deployment.get().fingerprint())
                    && !fingerprint.equals(announced.get(source.relative()))) {
                changed(deployment.get(), fingerprint);
            }
        }
        reportUnresolved(deployed);
    }

    private void removeGone(Map<String, ResourceSource> current) {
        for (Deployment deployment : deployments.all()) {
            if (!current.containsKey(deployment.source().relative())) {
                try {
                    List<String> stopped = lifecycle.undeploy(deployment);
                    log.info("removed {} (its folder resources/{} is gone){}", deployment.name(),
                            deployment.source().relative(), stopped.isEmpty() ? "" : "; stopped " + String.join(", ", stopped));
                } catch (ResourceException e) {
                    log.warn("cannot remove {} yet: {}", deployment.name(), e.getMessage());
                }
            }
        }
        for (Deployments.Failure failure : deployments.failures()) {
            if (!current.containsKey(failure.source().relative())) {
                deployments.remove(failure.source().relative());
            }
        }
        observed.keySet().retainAll(current.keySet());
        announced.keySet().retainAll(current.keySet());
    }

    private Optional<Deployment> deploy(ResourceSource source, String fingerprint) {
        try {
            BundleFactory.Built built = factory.build(source);
            if (built.descriptor().isPresent()) {
                checkNameFree(built.descriptor().get().name(), source);
            }
            Deployment deployment = lifecycle.deploy(source, built);
            if (built.descriptor().isEmpty()) {
                try {
                    checkNameFree(deployment.name(), source);
                } catch (ResourceException taken) {
                    lifecycle.undeploy(deployment);
                    throw taken;
                }
            }
            var d = deployment.descriptor();
            log.info("deployed {} {} ({}, {}) from resources/{}", d.name(), d.version(), d.type().id(),
                    d.language().id(), source.relative());
            return Optional.of(deployment);
        } catch (ResourceException e) {
            deployments.fail(new Deployments.Failure(source, e, fingerprint));
            states.deploymentFailed();
            log.error("resources/{} is not deployed: {}", source.relative(), e.getMessage());
        } catch (UncheckedIOException e) {
            var error = new ResourceException(ResourceErrorCode.ERR_INVALID_MANIFEST, source.fileName(), e.getMessage(), e);
            deployments.fail(new Deployments.Failure(source, error, fingerprint));
            states.deploymentFailed();
            log.error("resources/{} is not deployed: {}", source.relative(), error.getMessage());
        }
        return Optional.empty();
    }

    private void checkNameFree(String name, ResourceSource source) {
        Optional<Deployment> other = deployments.byName(name)
                .filter(d -> !d.source().relative().equals(source.relative()));
        if (other.isPresent()) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_NAME, name, "resources/" + source.relative()
                    + " is named " + name + ", like resources/" + other.get().source().relative()
                    + ": resource names are unique");
        }
        if (name.equals(BundleHeaders.SERVER) || SystemResources.find(context, name, deployments).isPresent()) {
            throw new ResourceException(ResourceErrorCode.ERR_INVALID_NAME, name, "resources/" + source.relative()
                    + " is named " + name + ", the name of a system resource");
        }
    }

    private void changed(Deployment deployment, String fingerprint) {
        String name = deployment.name();
        Bundle bundle = context.getBundle(deployment.bundleId());
        boolean started = bundle != null && bundle.getState() == Bundle.ACTIVE;
        try {
            if (started && settings.get().hotReload()) {
                log.info("{}", lifecycle.restart(name).message());
            } else if (started) {
                log.info("{} changed on disk: resource:restart {} applies the change", name, name);
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
            log.error("{}", e.getMessage());
        }
        announced.put(deployment.source().relative(), fingerprint);
    }

    /** Says once why each newly deployed resource does not resolve (a missing dependency or language host). */
    private void reportUnresolved(List<Deployment> deployed) {
        for (Deployment deployment : deployed) {
            Bundle bundle = context.getBundle(deployment.bundleId());
            if (bundle != null && !lifecycle.resolves(bundle)) {
                log.warn("{} does not resolve: {}", deployment.name(),
                        String.join("; ", lifecycle.graph().unresolved(bundle)));
            }
        }
    }
}
