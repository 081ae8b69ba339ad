package dev.plinth.core.resource.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class BundleHeadersTest {

    @Test
    void aDependencyFilterHasTheShapeOfTheContract() {
        assertEquals("(&(plinth.resource=core)(version>=1.0.0)(!(version>=2.0.0)))",
                BundleHeaders.filter(Dependency.on("core", new VersionRange("[1.0,2.0)"))));
        assertEquals("(&(plinth.resource=core)(version>=1.0.0))",
                BundleHeaders.filter(Dependency.on("core", new VersionRange("1.0.0"))));
        assertEquals("(plinth.resource=core)", BundleHeaders.filter(Dependency.on("core", Dependency.ANY)));
        assertEquals("(&(plinth.resource=server)(version>=0.1.0)(version<=1.0.0))", BundleHeaders.filter(
                new Dependency(Dependency.Kind.SERVER, "@server", new VersionRange("[0.1.0,1.0.0]"))));
    }

    @Test
    void aScriptResourceRequiresItsHostAndItsDependencies() {
        Map<String, String> headers = BundleHeaders.of(descriptor(Language.LUA, List.of(
                Dependency.on("core", new VersionRange("[1.0,2.0)")),
                new Dependency(Dependency.Kind.GAME, "@game", new VersionRange("1.0")),
                new Dependency(Dependency.Kind.CLIENT, "@client", new VersionRange("1.0")))), "[demo]/chat-demo");

        assertEquals("chat-demo", headers.get("Bundle-SymbolicName"));
        assertEquals("1.2.0", headers.get("Bundle-Version"));
        assertEquals("plinth.resource;plinth.resource=\"chat-demo\";version:Version=\"1.2.0\";type=\"script\";"
                + "language=\"lua\"", headers.get("Provide-Capability"));
        assertEquals("plinth.resource;filter:=\"(&(plinth.resource=core)(version>=1.0.0)(!(version>=2.0.0)))\","
                + "osgi.extender;filter:=\"(osgi.extender=plinth.lua)\"", headers.get("Require-Capability"));
        assertEquals("meta.json", headers.get(BundleHeaders.MANIFEST_HEADER));
        assertEquals("[demo]/chat-demo", headers.get(BundleHeaders.SOURCE_HEADER));
    }

    @Test
    void anAssetsOnlyResourceWithoutDependenciesRequiresNothing() {
        assertFalse(BundleHeaders.of(descriptor(Language.NONE, List.of()), "x").containsKey("Require-Capability"));
    }

    private static ResourceDescriptor descriptor(Language language, List<Dependency> dependencies) {
        return new ResourceDescriptor("chat-demo", ManifestFormat.META_JSON, "meta.json", ResourceType.SCRIPT, language,
                new Version(1, 2, 0), "me", "", Optional.empty(), List.of(), List.of(), List.of(), dependencies,
                Map.of(), ResourceLimits.NONE, new FormatDetails.MetaJson(Optional.empty(), Optional.empty()));
    }
}
