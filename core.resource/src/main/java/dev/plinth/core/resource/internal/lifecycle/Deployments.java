package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is deployed from {@code resources/}, by source: the resources whose bundle is installed, and the sources
 * that could not be deployed (an invalid manifest, a name already taken), with their error.
 *
 * <p>Thread-safe: every method is synchronized and returns snapshots.
 */
final class Deployments {

    /**
     * A source that could not be deployed.
     *
     * @param source the folder, zip or jar
     * @param error why; its resource is the name the source would have had
     * @param fingerprint the source's fingerprint when it failed, so an unchanged source is not tried again
     */
    record Failure(ResourceSource source, ResourceException error, String fingerprint) {
        String name() {
            return error.resource();
        }
    }

    private final Map<String, Deployment> deployed = new TreeMap<>();
    private final Map<String, Failure> failures = new TreeMap<>();

    synchronized void put(Deployment deployment) {
        failures.remove(deployment.source().relative());
        deployed.put(deployment.source().relative(), deployment);
    }

    synchronized void fail(Failure failure) {
        failures.put(failure.source().relative(), failure);
    }

    synchronized void remove(String relative) {
        deployed.remove(relative);
        failures.remove(relative);
    }

    synchronized Optional<Deployment> byName(String name) {
        return deployed.values().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    synchronized Optional<Deployment> byBundle(long bundleId) {
        return deployed.values().stream().filter(d -> d.bundleId() == bundleId).findFirst();
    }

    synchronized Optional<Deployment> bySource(String relative) {
        return Optional.ofNullable(deployed.get(relative));
    }

    synchronized Optional<Failure> failureOf(String relative) {
        return Optional.ofNullable(failures.get(relative));
    }

    synchronized Optional<Failure> failureByName(String name) {
        return failures.values().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    synchronized List<Deployment> all() {
        return List.copyOf(deployed.values());
    }

    synchronized List<Failure> failures() {
        return List.copyOf(failures.values());
    }
}
