package dev.plinth.core.resource.internal.deploy;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.VersionRange;

/**
 * The OSGi headers of a resource bundle built from a manifest: its identity as the capability
 * {@code plinth.resource;plinth.resource=<name>;version:Version=<v>}, each dependency as a {@code plinth.resource}
 * requirement whose filter carries the version range, and the {@code osgi.extender} requirement of its language
 * host (none for assets-only resources), so that the framework's resolver refuses what is missing.
 */
public final class BundleHeaders {

    /** The capability and requirement namespace of resources. */
    public static final String NAMESPACE = "plinth.resource";
    /** The capability attribute holding a Bedrock pack's header uuid. */
    public static final String UUID_ATTRIBUTE = "uuid";
    /** Header: the manifest file inside the bundle, relative to its root. */
    public static final String MANIFEST_HEADER = "Plinth-Resource-Manifest";
    /** Header: where the resource was deployed from, relative to {@code resources/}. */
    public static final String SOURCE_HEADER = "Plinth-Resource-Source";
    /** The namespace of the language hosts' capabilities. */
    public static final String EXTENDER_NAMESPACE = "osgi.extender";
    /** The name of the system resource that core.runtime provides. */
    public static final String SERVER = "server";

    private BundleHeaders() {}

    /**
     * The headers of the bundle for a resource.
     *
     * @param descriptor the resource's manifest, read
     * @param source its path relative to {@code resources/}
     * @return the headers, in manifest order
     */
    public static Map<String, String> of(ResourceDescriptor descriptor, String source) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Manifest-Version", "1.0");
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", descriptor.name());
        headers.put("Bundle-Version", descriptor.version().toString());
        headers.put("Bundle-Name", descriptor.name());
        if (!descriptor.description().isEmpty()) {
            headers.put("Bundle-Description", oneLine(descriptor.description()));
        }
        if (!descriptor.author().isEmpty()) {
            headers.put("Bundle-Vendor", oneLine(descriptor.author()));
        }
        headers.put("Provide-Capability", capability(descriptor));
        List<String> requirements = requirements(descriptor);
        if (!requirements.isEmpty()) {
            headers.put("Require-Capability", String.join(",", requirements));
        }
        headers.put(MANIFEST_HEADER, descriptor.manifestPath());
        headers.put(SOURCE_HEADER, source);
        return headers;
    }

    /**
     * The LDAP filter matching the providers of a dependency, as the contract between modules spells it:
     * {@code (&(plinth.resource=core)(version>=1.0.0)(!(version>=2.0.0)))}.
     *
     * @param dependency a resource, server or pack dependency
     * @return the filter
     */
    public static String filter(Dependency dependency) {
        String identity = switch (dependency.kind()) {
            case RESOURCE -> "(" + NAMESPACE + "=" + dependency.name() + ")";
            case SERVER -> "(" + NAMESPACE + "=" + SERVER + ")";
            case PACK -> "(" + UUID_ATTRIBUTE + "=" + dependency.name() + ")";
            case GAME, CLIENT -> throw new IllegalArgumentException(dependency + " is not checked by the resolver");
        };
        VersionRange range = dependency.range();
        if (range.equals(Dependency.ANY)) {
            return identity;
        }
        String versions = range.toFilterString("version");
        String conditions = versions.startsWith("(&") ? versions.substring(2, versions.length() - 1) : versions;
        return "(&" + identity + conditions + ")";
    }

    private static String capability(ResourceDescriptor descriptor) {
        var capability = new StringBuilder(NAMESPACE)
                .append(";").append(NAMESPACE).append("=\"").append(descriptor.name()).append('"')
                .append(";version:Version=\"").append(descriptor.version()).append('"')
                .append(";type=\"").append(descriptor.type().id()).append('"')
                .append(";language=\"").append(descriptor.language().id()).append('"');
        if (descriptor.details() instanceof FormatDetails.PackManifest pack) {
            capability.append(";").append(UUID_ATTRIBUTE).append("=\"").append(pack.uuid()).append('"');
        }
        return capability.toString();
    }

    private static List<String> requirements(ResourceDescriptor descriptor) {
        var requirements = new ArrayList<String>();
        for (Dependency dependency : descriptor.dependencies()) {
            switch (dependency.kind()) {
                case RESOURCE, SERVER, PACK ->
                        requirements.add(NAMESPACE + ";filter:=\"" + filter(dependency) + "\"");
                case GAME, CLIENT -> { } // checked at start against the game's version / by clients
            }
        }
        descriptor.language().extender().ifPresent(extender ->
                requirements.add(EXTENDER_NAMESPACE + ";filter:=\"(" + EXTENDER_NAMESPACE + "=" + extender + ")\""));
        return requirements;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
