package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.host.ResourceServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The services a host looks up for a script resource through the resource bundle's own context, without the
 * framework's class-space check ({@link ResourceServices}), in a real framework: from a bundle like the ones Plinth
 * builds for script resources (a manifest, no class space), the look-up chooses what the checked one chooses (the
 * highest ranking, then the first registered), a filter selects, nothing registered is nothing found, and a stopped
 * bundle's context is refused as the framework refuses it.
 */
class ResourceServicesTest {

    /** A service type of this test's own: the script bundle cannot load it, as it loads no class at all. */
    interface Probe {}

    private final BundleContext context = FrameworkUtil.getBundle(ResourceServicesTest.class).getBundleContext();
    private final List<ServiceRegistration<Probe>> registrations = new ArrayList<>();
    private Bundle script;

    @AfterEach
    void cleanUp() throws BundleException {
        registrations.forEach(ServiceRegistration::unregister);
        if (script != null) {
            script.uninstall();
        }
    }

    @Test
    void aScriptBundleGetsTheServiceTheCheckedLookUpChooses() throws Exception {
        BundleContext resource = scriptBundle("rs-choice");
        ServiceReference<Probe> low = register("low", 5);
        ServiceReference<Probe> first = register("first", 10);
        register("second", 10);

        Optional<ServiceReference<Probe>> chosen = ResourceServices.reference(resource, Probe.class);

        assertEquals(Optional.of(first), chosen, "the highest ranking, then the lowest service id");
        assertEquals(resource.getServiceReference(Probe.class), chosen.orElseThrow(), "as the checked look-up");
        assertEquals("first", resource.getService(chosen.get()).toString());
        assertTrue(ResourceServices.references(resource, Probe.class, "(name=low)").contains(low));
    }

    @Test
    void aFilterSelectsAndTheHighestRankingComesFirst() throws Exception {
        BundleContext resource = scriptBundle("rs-filter");
        register("a", 1);
        register("b", 7);
        register("c", 3);

        List<ServiceReference<Probe>> found = ResourceServices.references(resource, Probe.class, "(!(name=c))");

        assertEquals(List.of("b", "a"), found.stream().map(r -> r.getProperty("name")).toList());
        List<ServiceReference<Probe>> checked = new ArrayList<>(resource.getServiceReferences(Probe.class, "(!(name=c))"));
        checked.sort(Comparator.reverseOrder());
        assertEquals(checked, found, "the references the checked look-up finds, in ranking order");
    }

    @Test
    void nothingRegisteredIsNothingFoundAndABadFilterIsRefused() throws Exception {
        BundleContext resource = scriptBundle("rs-none");

        assertEquals(Optional.empty(), ResourceServices.reference(resource, Probe.class));
        assertEquals(List.of(), ResourceServices.references(resource, Probe.class, "(name=x)"));
        assertThrows(InvalidSyntaxException.class, () -> ResourceServices.references(resource, Probe.class, "(name="));
    }

    @Test
    void theContextOfAStoppedBundleIsRefused() throws Exception {
        BundleContext resource = scriptBundle("rs-stopped");
        register("p", 0);
        script.stop();

        assertThrows(IllegalStateException.class, () -> ResourceServices.reference(resource, Probe.class));
    }

    private ServiceReference<Probe> register(String name, int ranking) {
        var properties = new Hashtable<String, Object>();
        properties.put("name", name);
        properties.put(Constants.SERVICE_RANKING, ranking);
        ServiceRegistration<Probe> registration = context.registerService(Probe.class, new Probe() {
            @Override
            public String toString() {
                return name;
            }
        }, properties);
        registrations.add(registration);
        return registration.getReference();
    }

    /** Installs and starts a bundle as Plinth builds one for a script resource: a manifest, nothing imported. */
    private BundleContext scriptBundle(String name) throws IOException, BundleException {
        var manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, name);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        var jar = new ByteArrayOutputStream();
        new JarOutputStream(jar, manifest).close();
        script = context.installBundle("plinth-test:" + name, new ByteArrayInputStream(jar.toByteArray()));
        script.start();
        return script.getBundleContext();
    }
}
