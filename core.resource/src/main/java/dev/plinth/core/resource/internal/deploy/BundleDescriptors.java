package dev.plinth.core.resource.internal.deploy;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;

/**
 * The descriptor of a bundle that has no manifest file of its own (a Java plugin, a system bundle): its name is the
 * {@code plinth.resource} attribute of the capability it provides, else its symbolic name; its dependencies are its
 * {@code plinth.resource} requirements.
 */
public final class BundleDescriptors {

    private static final Pattern NAME = Pattern.compile("\\(" + BundleHeaders.NAMESPACE + "=([^)]+)\\)");
    private static final Pattern MIN = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern MAX_EXCLUSIVE = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern MAX_INCLUSIVE = Pattern.compile("\\(version<=([^)]+)\\)");

    private BundleDescriptors() {}

    /**
     * The resource name of a bundle, as every module reads it.
     *
     * @param bundle the bundle
     * @return the {@code plinth.resource} attribute of its capability, else its symbolic name
     */
    public static String nameOf(Bundle bundle) {
        return identity(bundle)
                .map(capability -> capability.getAttributes().get(BundleHeaders.NAMESPACE))
                .filter(String.class::isInstance).map(String.class::cast)
                .orElseGet(() -> Objects.requireNonNullElse(bundle.getSymbolicName(), "bundle-" + bundle.getBundleId()));
    }

    /**
     * The resource version of a bundle: the {@code version} attribute of its {@code plinth.resource} capability,
     * else its bundle version ({@code @PlinthPlugin(version = "1.0.0")} on a {@code 0.1.0.SNAPSHOT} bundle is 1.0.0).
     *
     * @param bundle the bundle
     * @return the version
     */
    public static Version versionOf(Bundle bundle) {
        return identity(bundle)
                .map(capability -> capability.getAttributes().get(Constants.VERSION_ATTRIBUTE))
                .filter(Version.class::isInstance).map(Version.class::cast)
                .orElseGet(bundle::getVersion);
    }

    private static Optional<Capability> identity(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision == null ? Optional.empty()
                : revision.getDeclaredCapabilities(BundleHeaders.NAMESPACE).stream().findFirst().map(Capability.class::cast);
    }

    /**
     * Describes a bundle from its headers and requirements.
     *
     * @param bundle the bundle
     * @return a {@link ManifestFormat#BUNDLE} descriptor of a Java plugin
     */
    public static ResourceDescriptor of(Bundle bundle) {
        var headers = bundle.getHeaders("");
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<Dependency> dependencies = revision == null ? List.of()
                : revision.getDeclaredRequirements(BundleHeaders.NAMESPACE).stream()
                        .map(BundleDescriptors::dependency).flatMap(Optional::stream).toList();
        String symbolicName = Objects.requireNonNullElse(bundle.getSymbolicName(), "");
        return new ResourceDescriptor(nameOf(bundle), ManifestFormat.BUNDLE, "META-INF/MANIFEST.MF",
                ResourceType.PLUGIN, Language.JAVA, versionOf(bundle),
                Objects.requireNonNullElse(headers.get(Constants.BUNDLE_VENDOR), ""),
                Objects.requireNonNullElse(headers.get(Constants.BUNDLE_DESCRIPTION), ""), Optional.empty(),
                List.of(), List.of(), List.of(), dependencies, Map.of(), ResourceLimits.NONE,
                new FormatDetails.Bundle(symbolicName));
    }

    /**
     * Reads a {@code plinth.resource} requirement back into a dependency, when its filter has the shape every
     * Plinth bundle writes ({@code (&(plinth.resource=core)(version>=1.0.0)(!(version>=2.0.0)))}).
     *
     * @param requirement the requirement
     * @return the dependency, or empty for a filter of another shape
     */
    public static Optional<Dependency> dependency(Requirement requirement) {
        String filter = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
        if (filter == null) {
            return Optional.empty();
        }
        Matcher name = NAME.matcher(filter);
        if (!name.find()) {
            return Optional.empty();
        }
        try {
            Matcher min = MIN.matcher(filter);
            Version low = min.find() ? Version.parseVersion(min.group(1)) : Version.emptyVersion;
            Matcher maxOpen = MAX_EXCLUSIVE.matcher(filter);
            Matcher maxClosed = MAX_INCLUSIVE.matcher(filter);
            VersionRange range;
            if (maxOpen.find()) {
                range = new VersionRange(VersionRange.LEFT_CLOSED, low, Version.parseVersion(maxOpen.group(1)),
                        VersionRange.RIGHT_OPEN);
            } else if (maxClosed.find()) {
                range = new VersionRange(VersionRange.LEFT_CLOSED, low, Version.parseVersion(maxClosed.group(1)),
                        VersionRange.RIGHT_CLOSED);
            } else {
                range = new VersionRange(VersionRange.LEFT_CLOSED, low, null, VersionRange.RIGHT_OPEN);
            }
            String target = name.group(1);
            return Optional.of(target.equals(BundleHeaders.SERVER)
                    ? new Dependency(Dependency.Kind.SERVER, "@server", range)
                    : Dependency.on(target, range));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
