package dev.plinth.itest.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.itest.resource.ResourceHome;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/**
 * Felix HTTP never listens before core.http configured it: with core.http stopped and no configuration, the HTTP
 * server does not run at all (its defaults would be 0.0.0.0:8080); once core.http starts, it runs where
 * {@code conf/server.json} says, and moves when the file's {@code http} key changes.
 */
class HttpBindInFrameworkTest {

    private final ResourceHome home = new ResourceHome();

    @AfterEach
    void cleanUp() throws Exception {
        bundle("dev.plinth.core.http").start();
        home.close();
    }

    @Test
    void withoutCoreHttpsConfigurationNothingListens() throws Exception {
        bundle("dev.plinth.core.http").stop();
        ConfigurationAdmin admin = home.context.getService(home.context.getServiceReference(ConfigurationAdmin.class));
        Configuration[] existing = admin.listConfigurations("(service.pid=org.apache.felix.http)");
        if (existing != null) {
            for (Configuration configuration : existing) {
                configuration.delete();
            }
        }
        // Felix HTTP applies the deletion on its own thread (it stops Jetty and unregisters its services): stopping
        // the bundle while it does so unregisters them twice and fails the stop, leaving HTTP broken for later tests.
        ResourceHome.await(() -> home.context.getServiceReference(HttpServiceRuntime.class) == null
                ? Optional.of(true) : Optional.empty(), "Felix HTTP stopped Jetty after its configuration was deleted");
        Bundle jetty = bundle("org.apache.felix.http.jetty12");
        try {
            jetty.stop();
        } catch (BundleException e) {
            // Felix HTTP may still be unregistering a service on its own thread ("Service already unregistered"):
            // its activator's stop fails, yet the framework stops the bundle; it must start again for the next tests.
            assertEquals(Bundle.RESOLVED, jetty.getState(), "the bundle is stopped despite " + e);
        }
        jetty.start();
        Thread.sleep(1000); // Felix HTTP would start Jetty on its own thread

        assertNull(home.context.getServiceReference(HttpServiceRuntime.class),
                "no HTTP server runs without core.http's configuration");

        HttpPort http = HttpPort.bind(home, "");
        Object endpoint = home.context.getServiceReference(HttpServiceRuntime.class)
                .getProperty("osgi.http.endpoint");
        String endpoints = endpoint instanceof String[] all ? String.join(",", all) : String.valueOf(endpoint);
        assertEquals(200, http.get("/metrics", null).statusCode());
        assertEquals(true, endpoints.contains(":" + http.uri("/").getPort() + "/"), endpoints);
    }

    @Test
    void editingHttpInServerJsonMovesTheServerWithoutARestart() throws Exception {
        HttpPort before = HttpPort.bind(home, "");
        long context = contextServiceId();
        int port = HttpPort.freePort();
        home.settings("{\"http\": {\"port\": " + port + ", \"host\": \"127.0.0.1\"}}");

        HttpPort after = HttpPort.at(port);
        ResourceHome.await(() -> after.answers() ? Optional.of(true) : Optional.empty(),
                "the server moved to port " + port + " once conf/server.json said so");
        assertEquals(200, after.get("/metrics", null).statusCode());
        assertFalse(before.answers(), "nothing listens on the old port " + before.uri("/").getPort());
        assertEquals(context, contextServiceId(), "core.http was not restarted: its servlet context is the same");

        home.settings("{\"http\": {\"port\": \"eighty\"}}");
        Thread.sleep(3 * 1000); // three readings of the file
        assertTrue(after.answers(), "a malformed http key leaves the server where it is");
    }

    private long contextServiceId() throws Exception {
        ServiceReference<?>[] contexts = home.context.getServiceReferences(ServletContextHelper.class.getName(),
                "(osgi.http.whiteboard.context.name=plinth)");
        assertEquals(1, contexts.length);
        return (Long) contexts[0].getProperty(Constants.SERVICE_ID);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(home.context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
    }
}
