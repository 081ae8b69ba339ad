package dev.plinth.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/** The Plinth bundles inside a real Felix framework: all of them resolve and start, and their components activate. */
class FrameworkTest {

    private static final List<String> PLINTH_BUNDLES = List.of(
            "dev.plinth.console", "dev.plinth.core.events", "dev.plinth.core.runtime", "dev.plinth.core.resource",
            "dev.plinth.lang.lua", "dev.plinth.lang.js", "dev.plinth.lang.wasm", "dev.plinth.bedrock.packs");

    private final BundleContext context = FrameworkUtil.getBundle(FrameworkTest.class).getBundleContext();

    @Test
    void everyPlinthBundleIsActive() {
        for (String name : PLINTH_BUNDLES) {
            Bundle bundle = Arrays.stream(context.getBundles())
                    .filter(b -> name.equals(b.getSymbolicName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is not installed"));
            assertEquals(Bundle.ACTIVE, bundle.getState(), name + " is not active");
        }
    }

    @Test
    void everyPlinthComponentIsSatisfied() {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        var plinth = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("dev.plinth.") && !b.getSymbolicName().equals("dev.plinth.itest"))
                .toArray(Bundle[]::new);
        var descriptions = scr.getComponentDescriptionDTOs(plinth);
        assertTrue(!descriptions.isEmpty(), "the Plinth bundles declare components");
        for (var description : descriptions) {
            var configurations = scr.getComponentConfigurationDTOs(description);
            assertEquals(1, configurations.size(), description.name + " has one configuration");
            for (var configuration : configurations) {
                assertTrue(configuration.state == ComponentConfigurationDTO.ACTIVE
                                || configuration.state == ComponentConfigurationDTO.SATISFIED,
                        description.name + " is satisfied or active (state " + configuration.state + ")");
            }
        }
    }

    @Test
    void shutdownIsAShellCommand() throws Exception {
        var refs = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=plinth)(osgi.command.function=shutdown))");
        assertNotNull(refs, "plinth:shutdown is registered");
        assertEquals(1, refs.length);
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        assertNotNull(ref, type.getSimpleName() + " is registered");
        return context.getService(ref);
    }
}
