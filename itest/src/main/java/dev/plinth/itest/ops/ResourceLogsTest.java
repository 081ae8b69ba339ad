package dev.plinth.itest.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.EventBus;
import dev.plinth.itest.resource.ResourceHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-resource log files fed from the OSGi log: a Lua resource's lines land in {@code data/NAME/logs/latest.log}
 * without the Lua host doing anything for it; {@code log:tail} prints them and {@code log:level} changes the
 * resource's level live.
 */
class ResourceLogsTest {

    private final ResourceHome home = new ResourceHome();
    private CommandSession shell;
    private EventBus bus;

    @BeforeEach
    void deploy() throws IOException {
        home.folder("lg-demo", Map.of(
                "plugin.toml", "[plugin]\nname = \"lg-demo\"\nversion = \"1.0.0\"\nmain = \"main.lua\"\n",
                "main.lua", """
                        mc.on("lg:say", function(event)
                          mc.log.info("info: " .. event.text)
                          mc.log.warn("warn: " .. event.text)
                        end)
                        """));
        home.awaitListed("lg-demo");
        home.service.start("lg-demo");
        bus = home.context.getService(home.context.getServiceReference(EventBus.class));
        shell = home.context.getService(home.context.getServiceReference(CommandProcessor.class))
                .createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void cleanUp() throws Exception {
        shell.execute("log:level lg-demo INFO");
        shell.close();
        home.close();
    }

    @Test
    void aResourcesLinesGoToItsOwnFileAndLogTailPrintsThem() throws Exception {
        bus.post("lg:say", Map.of("text", "first"));
        Path file = home.root.resolve("data/lg-demo/logs/latest.log");
        awaitLine(file, "warn: first");

        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.stream().anyMatch(l -> l.contains("INFO ") && l.endsWith("info: first")), lines.toString());
        String tail = String.valueOf(shell.execute("log:tail lg-demo 1"));
        assertTrue(tail.endsWith("warn: first") && !tail.contains("info: first"), tail);
    }

    @Test
    void logLevelChangesOneResourcesLevelLive() throws Exception {
        assertTrue(String.valueOf(shell.execute("log:level lg-demo WARN")).startsWith("lg-demo: log level WARN"));
        bus.post("lg:say", Map.of("text", "quiet"));
        Path file = home.root.resolve("data/lg-demo/logs/latest.log");
        awaitLine(file, "warn: quiet");
        assertTrue(Files.readAllLines(file).stream().noneMatch(l -> l.endsWith("info: quiet")),
                "INFO lines are dropped at WARN");

        shell.execute("log:level lg-demo INFO");
        bus.post("lg:say", Map.of("text", "loud"));
        awaitLine(file, "info: loud");
    }

    @Test
    void missingArgumentsAndUnknownNamesAreExplained() {
        assertEquals("usage: log:tail NAME [LINES] (the last lines of a resource's log)",
                assertThrows(IllegalArgumentException.class, () -> shell.execute("log:tail")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> shell.execute("log:level lg-demo"))
                .getMessage().startsWith("usage: log:level NAME LEVEL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> shell.execute("log:level lg-demo LOUD"))
                .getMessage().startsWith("unknown level 'LOUD'"));
        assertTrue(assertThrows(Exception.class, () -> shell.execute("log:tail nothing-here")).getMessage()
                .startsWith("ERR_NOT_FOUND"));
    }

    private static void awaitLine(Path file, String ending) {
        ResourceHome.await(() -> {
            try {
                return Files.exists(file) && Files.readAllLines(file).stream().anyMatch(l -> l.endsWith(ending))
                        ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }, file + " has a line ending in '" + ending + "'");
    }
}
