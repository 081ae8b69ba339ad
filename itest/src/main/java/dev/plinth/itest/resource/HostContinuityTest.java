package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.plinth.core.resource.reload.ReloadPreparation;
import dev.plinth.core.runtime.host.HostFailures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The language hosts stay the ones that started while core.runtime's {@code HostFailures} service goes and comes
 * back, as it may go first when the framework shuts down (SCR ends the bundles' components in an order of its own): a
 * host created again in the middle of a shutdown would start the resources still active once more, and parse the
 * others again. The hosts' own service registrations tell: a host created again registers them again, under new ids.
 */
class HostContinuityTest {

    private static final List<String> HOSTS = List.of("dev.plinth.lang.lua", "dev.plinth.lang.js",
            "dev.plinth.lang.wasm");
    private static final String HOST_FAILURES_COMPONENT = "dev.plinth.core.runtime.internal.host.HostFailuresView";

    private final BundleContext context = FrameworkUtil.getBundle(HostContinuityTest.class).getBundleContext();

    @Test
    void theLanguageHostsAreNotCreatedAgainWhenHostFailuresGoesAndComesBack() throws Exception {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        ComponentDescriptionDTO failures = scr.getComponentDescriptionDTO(bundle("dev.plinth.core.runtime"),
                HOST_FAILURES_COMPONENT);
        assertNotNull(failures, HOST_FAILURES_COMPONENT + " is a component of core.runtime");
        Map<String, Long> before = hostRegistrations();
        assertEquals(HOSTS.size(), before.size(), "each host offers its reload preparation: " + before);

        scr.disableComponent(failures).getValue();
        try {
            assertNull(context.getServiceReference(HostFailures.class), "HostFailures is gone");
            Thread.sleep(500); // SCR would re-create a component on a thread of its own
            assertEquals(before, hostRegistrations(), "no host was stopped or created again while it was gone");
        } finally {
            scr.enableComponent(failures).getValue();
        }

        assertNotNull(context.getServiceReference(HostFailures.class), "HostFailures is back");
        Thread.sleep(500);
        assertEquals(before, hostRegistrations(), "no host was created again when it came back");
    }

    /** The service id of each host's {@link ReloadPreparation}, by host bundle: registered when the host starts. */
    private Map<String, Long> hostRegistrations() throws InvalidSyntaxException {
        var ids = new TreeMap<String, Long>();
        for (ServiceReference<ReloadPreparation> reference : context.getServiceReferences(ReloadPreparation.class,
                null)) {
            String host = reference.getBundle().getSymbolicName();
            if (HOSTS.contains(host)) {
                ids.put(host, (Long) reference.getProperty(Constants.SERVICE_ID));
            }
        }
        return ids;
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is installed"));
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        assertNotNull(reference, type.getSimpleName() + " is registered");
        return context.getService(reference);
    }
}
