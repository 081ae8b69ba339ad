package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.internal.deploy.BundleDescriptors;
import dev.plinth.core.resource.internal.deploy.BundleHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;

/**
 * The resources as the framework sees them now: which deployed resource needs which (each {@code plinth.resource}
 * requirement matched against the capabilities of the installed bundles), and, for a bundle that does not
 * resolve, the requirements nobody satisfies, in sentences that name the missing resource and range.
 *
 * <p>Thread-safe: every call reads the framework's current state.
 */
final class ResourceGraph {

    private static final Pattern UUID_FILTER = Pattern.compile("\\(" + BundleHeaders.UUID_ATTRIBUTE + "=([^)]+)\\)");
    private static final Pattern EXTENDER_FILTER = Pattern.compile("\\(osgi\\.extender=([^)]+)\\)");

    private final BundleContext context;
    private final Deployments deployments;

    ResourceGraph(BundleContext context, Deployments deployments) {
        this.context = context;
        this.deployments = deployments;
    }

    /** Each deployed resource and the resources whose capabilities its requirements match. */
    DependencyGraph graph() {
        List<Provided> provided = provided(BundleHeaders.NAMESPACE);
        Map<String, Set<String>> needs = new HashMap<>();
        for (Deployment deployment : deployments.all()) {
            Set<String> deps = new LinkedHashSet<>();
            if (isBedrockResourcePack(deployment.descriptor())) {
                // a Bedrock resource pack names its behavior pack as a dependency, as the behavior pack names it
                // (the two are applied together on a client); on the server it is assets that start nothing, so
                // its side of the pair orders nothing, and the pair is not a cycle
                needs.put(deployment.name(), deps);
                continue;
            }
            revision(deployment.bundleId()).ifPresent(revision -> {
                for (Requirement requirement : revision.getDeclaredRequirements(BundleHeaders.NAMESPACE)) {
                    for (Provided p : provided) {
                        if (matches(requirement, p.capability())) {
                            deps.add(p.name());
                        }
                    }
                }
            });
            needs.put(deployment.name(), deps);
        }
        return new DependencyGraph(needs);
    }

    /** Whether a resource is a Bedrock pack with no behavior (no data or script module): a resource pack. */
    static boolean isBedrockResourcePack(ResourceDescriptor descriptor) {
        return descriptor.details() instanceof FormatDetails.PackManifest pack && !pack.isBehaviorPack();
    }

    /**
     * Why a bundle does not resolve: each requirement no installed bundle satisfies, and each provider that does
     * not resolve itself, with its own reasons.
     *
     * @param bundle the bundle
     * @return one sentence per reason, starting with the bundle's resource name
     */
    List<String> unresolved(Bundle bundle) {
        var reasons = new ArrayList<String>();
        explain(bundle, reasons, new HashSet<>());
        return reasons;
    }

    private void explain(Bundle bundle, List<String> reasons, Set<Long> seen) {
        if (!seen.add(bundle.getBundleId())) {
            return;
        }
        String name = BundleDescriptors.nameOf(bundle);
        Optional<BundleRevision> revision = revision(bundle.getBundleId());
        if (revision.isEmpty()) {
            return;
        }
        for (String namespace : List.of(BundleHeaders.NAMESPACE, BundleHeaders.EXTENDER_NAMESPACE)) {
            List<Provided> provided = provided(namespace);
            for (Requirement requirement : revision.get().getDeclaredRequirements(namespace)) {
                List<Provided> matching = provided.stream().filter(p -> matches(requirement, p.capability())).toList();
                if (matching.isEmpty()) {
                    reasons.add(name + " needs " + describe(requirement) + ", " + installedInstead(requirement, provided));
                } else if (matching.stream().allMatch(p -> p.bundle().getState() == Bundle.INSTALLED)) {
                    for (Provided p : matching) {
                        reasons.add(name + " needs " + p.name() + " " + p.version() + ", which does not resolve");
                        explain(p.bundle(), reasons, seen);
                    }
                }
            }
        }
    }

    /** A requirement as users read it: {@code core [1.0.0,2.0.0)}, {@code the language host plinth.lua}. */
    static String describe(Requirement requirement) {
        String filter = requirement.getDirectives().getOrDefault(Constants.FILTER_DIRECTIVE, "");
        if (requirement.getNamespace().equals(BundleHeaders.EXTENDER_NAMESPACE)) {
            var extender = EXTENDER_FILTER.matcher(filter);
            return "the language host " + (extender.find() ? extender.group(1) : filter) + " (osgi.extender)";
        }
        var uuid = UUID_FILTER.matcher(filter);
        if (uuid.find()) {
            return "the pack " + uuid.group(1) + BundleDescriptors.dependency(requirement).map(d -> " " +
                    Dependency.rangeText(d.range())).orElse("");
        }
        return BundleDescriptors.dependency(requirement).map(Dependency::toString).orElse(filter);
    }

    /** What is there instead: {@code none installed}, or {@code core 2.1.0 is installed}. */
    private static String installedInstead(Requirement requirement, List<Provided> provided) {
        if (!requirement.getNamespace().equals(BundleHeaders.NAMESPACE)) {
            return "none installed";
        }
        var wanted = BundleDescriptors.dependency(requirement);
        List<String> others = provided.stream()
                .filter(p -> wanted.isPresent() && p.name().equals(wanted.get().kind() == Dependency.Kind.SERVER
                        ? BundleHeaders.SERVER : wanted.get().name()))
                .map(p -> p.name() + " " + p.version())
                .toList();
        return others.isEmpty() ? "none installed"
                : "only " + String.join(", ", others) + (others.size() == 1 ? " is" : " are") + " installed";
    }

    /**
     * The resources that provide what a dependency asks for, by the same rule the resolver uses: a pack's uuid
     * dependency is met by the pack whose header has that uuid, in the range.
     *
     * @param dependency a resource, server or pack dependency
     * @return the names of the providers, in bundle order; empty for game and client dependencies
     */
    List<String> providersOf(Dependency dependency) {
        if (dependency.kind() == Dependency.Kind.GAME || dependency.kind() == Dependency.Kind.CLIENT) {
            return List.of();
        }
        try {
            var filter = FrameworkUtil.createFilter(BundleHeaders.filter(dependency));
            return provided(BundleHeaders.NAMESPACE).stream()
                    .filter(p -> filter.matches(p.capability().getAttributes()))
                    .map(Provided::name).distinct().toList();
        } catch (InvalidSyntaxException e) {
            return List.of();
        }
    }

    /** A capability of an installed bundle. */
    private record Provided(Bundle bundle, Capability capability, String name, Object version) {}

    private List<Provided> provided(String namespace) {
        var provided = new ArrayList<Provided>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            for (Capability capability : revision.getDeclaredCapabilities(namespace)) {
                Object name = capability.getAttributes().get(namespace);
                provided.add(new Provided(bundle, capability, name == null ? BundleDescriptors.nameOf(bundle)
                        : name.toString(), capability.getAttributes().getOrDefault("version", "")));
            }
        }
        return provided;
    }

    private Optional<BundleRevision> revision(long bundleId) {
        Bundle bundle = context.getBundle(bundleId);
        return bundle == null ? Optional.empty() : Optional.ofNullable(bundle.adapt(BundleRevision.class));
    }

    private static boolean matches(Requirement requirement, Capability capability) {
        String filter = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
        if (filter == null) {
            return true;
        }
        try {
            return FrameworkUtil.createFilter(filter).matches(capability.getAttributes());
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
