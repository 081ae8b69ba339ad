package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.resource.internal.settings.ResourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * {@code resource:why}: the reasons a resource is not started, each a sentence starting with the error code that
 * a start would fail with: its deployment error, a dependency cycle, the dependencies and language host nobody
 * provides, a game version out of range, its last failure; or what it takes to start it.
 *
 * <p>Thread-safe.
 */
final class Diagnosis {

    private final BundleContext context;
    private final Deployments deployments;
    private final Lifecycle lifecycle;
    private final TransitionLocks locks;
    private final StateTable states;
    private final Supplier<ResourceSettings> settings;

    Diagnosis(BundleContext context, Deployments deployments, Lifecycle lifecycle, TransitionLocks locks,
            StateTable states, Supplier<ResourceSettings> settings) {
        this.context = context;
        this.deployments = deployments;
        this.lifecycle = lifecycle;
        this.locks = locks;
        this.states = states;
        this.settings = settings;
    }

    List<String> of(String name) {
        Deployment deployment;
        try {
            deployment = lifecycle.require(name);
        } catch (ResourceException e) {
            if (e.code() == ResourceErrorCode.ERR_SYSTEM_RESOURCE) {
                var bundle = SystemResources.find(context, name, deployments).orElseThrow();
                return bundle.getState() == Bundle.ACTIVE ? List.of() : List.of(e.getMessage());
            }
            if (e.code() == ResourceErrorCode.ERR_NOT_FOUND) {
                throw e;
            }
            return List.of(e.getMessage()); // the deployment error
        }
        Bundle bundle = lifecycle.bundle(deployment);
        // a resource its host failed is in error while its bundle is still active, until its stop completes
        if (states.state(bundle) == ResourceState.STARTED) {
            return List.of();
        }
        var reasons = new ArrayList<String>();
        if (locks.isLocked(name)) {
            reasons.add(ResourceErrorCode.ERR_RESOURCE_LOCKED + ": " + name + " is mid-transition");
        }
        lifecycle.graph().graph().cycleFrom(name).ifPresent(cycle -> reasons.add(ResourceErrorCode.ERR_DEPENDENCY_CYCLE
                + ": " + name + " is in a dependency cycle: " + String.join(" -> ", cycle)));
        if (!lifecycle.resolves(bundle)) {
            for (String reason : lifecycle.graph().unresolved(bundle)) {
                reasons.add(ResourceErrorCode.ERR_DEPENDENCY_MISSING + ": " + reason);
            }
        }
        lifecycle.gameVersionProblem(deployment)
                .ifPresent(problem -> reasons.add(ResourceErrorCode.ERR_DEPENDENCY_MISSING + ": " + problem));
        states.lastError(bundle.getBundleId()).ifPresent(error -> reasons.add("its last failure: " + error));
        if (reasons.isEmpty()) {
            boolean atStartup = settings.get().startupResources().contains(name);
            reasons.add(name + " is " + states.state(bundle).id() + " and ready to start"
                    + (atStartup ? "" : "; it is not in StartupResources") + ": resource:start " + name + " starts it");
        }
        return reasons;
    }
}
