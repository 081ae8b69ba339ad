package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.resource.ResourceStatistics;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.internal.deploy.BundleDescriptors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * What {@code resource:list}, {@code resource:info} and the statistics show: the deployed resources, the sources
 * that could not be deployed (in state error, with their reason), and the system bundles that provide a resource
 * capability (the {@code server}).
 *
 * <p>Thread-safe: every call reads the current state.
 */
final class ResourceInfos {

    private final BundleContext context;
    private final Deployments deployments;
    private final StateTable states;
    private final ResourceGraph graph;

    ResourceInfos(BundleContext context, Deployments deployments, StateTable states, ResourceGraph graph) {
        this.context = context;
        this.deployments = deployments;
        this.states = states;
        this.graph = graph;
    }

    List<ResourceInfo> list() {
        DependencyGraph dependencies = graph.graph();
        var infos = new ArrayList<ResourceInfo>();
        for (Deployment deployment : deployments.all()) {
            deployed(deployment, dependencies).ifPresent(infos::add);
        }
        deployments.failures().forEach(f -> infos.add(failed(f)));
        SystemResources.listed(context, deployments).forEach(b -> infos.add(system(b, dependencies)));
        infos.sort(Comparator.comparing(ResourceInfo::name));
        return infos;
    }

    ResourceInfo info(String name) {
        DependencyGraph dependencies = graph.graph();
        Optional<ResourceInfo> found = deployments.byName(name).flatMap(d -> deployed(d, dependencies))
                .or(() -> deployments.failureByName(name).map(this::failed))
                .or(() -> SystemResources.find(context, name, deployments).map(b -> system(b, dependencies)));
        return found.orElseThrow(() -> new ResourceException(ResourceErrorCode.ERR_NOT_FOUND, name,
                "no resource named " + name + " is deployed (resource:list shows those that are)"));
    }

    ResourceStatistics statistics() {
        var current = new EnumMap<ResourceState, Integer>(ResourceState.class);
        for (Deployment deployment : deployments.all()) {
            Bundle bundle = context.getBundle(deployment.bundleId());
            ResourceState state = bundle == null ? ResourceState.UNKNOWN : states.state(bundle);
            current.merge(state, 1, Integer::sum);
        }
        current.merge(ResourceState.ERROR, deployments.failures().size(), Integer::sum);
        return new ResourceStatistics(states.transitions(), current, states.restarts(), states.rollbacks());
    }

    private Optional<ResourceInfo> deployed(Deployment deployment, DependencyGraph dependencies) {
        Bundle bundle = context.getBundle(deployment.bundleId());
        if (bundle == null) {
            return Optional.empty();
        }
        ResourceDescriptor d = deployment.descriptor();
        return Optional.of(new ResourceInfo(d.name(), d.type(), d.language(), d.version(), d.author(), d.description(),
                states.state(bundle), d.dependencies(), List.copyOf(dependencies.neededBy(d.name())), d.files(),
                deployment.source().relative(), false, states.lastError(bundle.getBundleId())));
    }

    private ResourceInfo failed(Deployments.Failure failure) {
        return new ResourceInfo(failure.name(), ResourceType.SCRIPT, Language.NONE, Version.emptyVersion, "", "",
                ResourceState.ERROR, List.of(), List.of(), List.of(), failure.source().relative(), false,
                Optional.of(failure.error().getMessage()));
    }

    private ResourceInfo system(Bundle bundle, DependencyGraph dependencies) {
        ResourceDescriptor d = BundleDescriptors.of(bundle);
        ResourceState state = switch (bundle.getState()) {
            case Bundle.ACTIVE -> ResourceState.STARTED;
            case Bundle.STARTING -> ResourceState.STARTING;
            case Bundle.STOPPING -> ResourceState.STOPPING;
            default -> ResourceState.STOPPED;
        };
        return new ResourceInfo(d.name(), d.type(), d.language(), d.version(), d.author(), d.description(), state,
                d.dependencies(), List.copyOf(dependencies.neededBy(d.name())), List.of(), "", true, Optional.empty());
    }
}
