package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bind rules of {@code conf/server.json}, seen from the operating system: the running distribution listens on
 * exactly the configured port of the loopback address, and on nothing at all with {@code http.port} 0 (never on
 * Felix HTTP's own default, 0.0.0.0:8080).
 */
class HttpBindIT {

    private static final String LOOPBACK = "0100007F";

    @TempDir
    Path home;

    @Test
    void theInstanceListensOnTheConfiguredLoopbackPortOnly() throws Exception {
        assumeTrue(ListeningPorts.available(), "skipped: needs Linux's /proc");
        var instance = PlinthInstance.at(home);
        assertEquals(Set.of(LOOPBACK + ":" + instance.httpPort()), listeningOnceReady(instance));
    }

    @Test
    void portZeroListensOnNothing() throws Exception {
        assumeTrue(ListeningPorts.available(), "skipped: needs Linux's /proc");
        var installed = (ObjectNode) new ObjectMapper().readTree(
                PlinthInstance.at(home).installDir().resolve("conf/server.json").toFile());
        installed.putObject("http").put("port", 0);
        Files.createDirectories(home.resolve("conf"));
        new ObjectMapper().writeValue(home.resolve("conf/server.json").toFile(), installed);

        assertEquals(Set.of(), listeningOnceReady(PlinthInstance.fresh(home)));
    }

    private static Set<String> listeningOnceReady(PlinthInstance instance) throws Exception {
        Process process = instance.start();
        try {
            PlinthInstance.send(process, "echo startup-done");
            instance.awaitOutput("startup-done");
            Thread.sleep(1000); // what Felix HTTP does once configured, it does on its own thread
            return ListeningPorts.of(process.pid());
        } finally {
            process.getOutputStream().close();
            process.waitFor(60, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }
}
