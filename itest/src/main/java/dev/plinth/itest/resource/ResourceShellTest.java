package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

/** The {@code resource:*} commands through the Gogo shell, as the console runs them. */
class ResourceShellTest {

    private final ResourceHome home = new ResourceHome();
    private ServiceReference<CommandProcessor> reference;
    private CommandSession session;

    @BeforeEach
    void deploy() throws IOException {
        home.folder("sh-core", Map.of("plugin.toml", "[plugin]\nname = \"sh-core\"\nversion = \"1.0.0\"\n"
                + "author = \"Plinth\"\n"));
        home.folder("sh-chat", Map.of("meta.json", "{\"name\": \"sh-chat\", \"version\": \"0.2.0\", "
                + "\"dependencies\": [\"sh-core\"], \"assets\": [{\"path\": \"a.json\", \"type\": \"config\"}]}"));
        home.folder("sh-lost", Map.of("plugin.toml", "[plugin]\nname = \"sh-lost\"\n[dependencies]\nsh-none = \"[1.0,2.0)\"\n"));
        home.awaitListed("sh-core");
        home.awaitListed("sh-chat");
        home.awaitListed("sh-lost");
        reference = home.context.getServiceReference(CommandProcessor.class);
        session = home.context.getService(reference).createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void cleanUp() throws IOException {
        session.close();
        home.context.ungetService(reference);
        home.close();
    }

    @Test
    void listShowsATableOfNameTypeLanguageVersionAndState() throws Exception {
        String table = run("resource:list");

        assertTrue(table.lines().findFirst().orElseThrow().matches("NAME\\s+TYPE\\s+LANGUAGE\\s+VERSION\\s+STATE"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("sh-chat\\s+script\\s+none\\s+0\\.2\\.0\\s+loaded")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("sh-core\\s+plugin\\s+none\\s+1\\.0\\.0\\s+loaded")), table);
    }

    @Test
    void startStopRestartAndEnsureSayWhatTheyDid() throws Exception {
        assertEquals("Started sh-chat (after its dependencies: sh-core).", run("resource:start sh-chat"));
        assertEquals("Sh-chat is already started.", run("resource:ensure sh-chat"));
        assertEquals("Restarted sh-core (and its dependents: sh-chat).", run("resource:restart sh-core"));
        assertEquals("Stopped sh-core (after its dependents: sh-chat).", run("resource:stop sh-core"));
    }

    @Test
    void depsOfAPackNamesThePackThatProvidesEachUuid() throws Exception {
        String base = "5b0b8a1c-1f6e-4d6a-9c55-3f2a6f1d7e10";
        home.folder("sh-base-pack", Map.of("manifest.json", "{\"format_version\": 2, \"header\": {\"name\": \"Base\", "
                + "\"uuid\": \"" + base + "\", \"version\": [1, 2, 0]}, \"modules\": [{\"type\": \"resources\", "
                + "\"uuid\": \"c3a4f7a2-5b7e-4f0e-8d1b-2b6f4e9a0c20\", \"version\": [1, 2, 0]}]}"));
        home.folder("sh-top-pack", Map.of("manifest.json", "{\"format_version\": 2, \"header\": {\"name\": \"Top\", "
                + "\"uuid\": \"5b0b8a1c-1f6e-4d6a-9c55-3f2a6f1d7e11\", \"version\": [1, 0, 0]}, \"modules\": "
                + "[{\"type\": \"resources\", \"uuid\": \"c3a4f7a2-5b7e-4f0e-8d1b-2b6f4e9a0c21\", \"version\": [1, 0, 0]}], "
                + "\"dependencies\": [{\"uuid\": \"" + base + "\", \"version\": [1, 2, 0]}, "
                + "{\"uuid\": \"5b0b8a1c-1f6e-4d6a-9c55-3f2a6f1d7e99\", \"version\": [1, 0, 0]}]}"));
        home.awaitListed("sh-base-pack");
        home.awaitListed("sh-top-pack");

        String deps = run("resource:deps sh-top-pack");

        assertTrue(deps.lines().anyMatch(l -> l.startsWith("├─ ") && l.contains(base) && l.endsWith(": sh-base-pack 1.2.0 "
                + "(loaded)")), deps);
        assertTrue(deps.lines().anyMatch(l -> l.startsWith("└─ ") && l.contains("5b0b8a1c-1f6e-4d6a-9c55-3f2a6f1d7e99")
                && l.endsWith(": MISSING: no pack with this uuid in this range is installed")), deps);
    }

    @Test
    void aFailedCommandStartsWithItsErrorCode() {
        var failure = assertThrows(Exception.class, () -> run("resource:start sh-lost"));
        assertEquals("ERR_DEPENDENCY_MISSING: sh-lost needs sh-none [1.0.0,2.0.0), none installed", failure.getMessage());
        var notFound = assertThrows(Exception.class, () -> run("resource:stop sh-nothing"));
        assertTrue(notFound.getMessage().startsWith("ERR_NOT_FOUND: "), notFound.getMessage());
    }

    @Test
    void infoDepsAndWhyExplainAResource() throws Exception {
        String info = run("resource:info sh-chat");
        assertTrue(info.contains("dependencies  sh-core (any version)"), info);
        assertTrue(info.contains("files         a.json"), info);
        assertTrue(info.contains("source        resources/sh-chat"), info);

        assertEquals("sh-chat 0.2.0 (loaded)\n└─ sh-core (any version): sh-core 1.0.0 (loaded)\nneeded by: nothing",
                run("resource:deps sh-chat"));
        assertTrue(run("resource:deps sh-core").endsWith("needed by: sh-chat"));
        assertEquals("ERR_DEPENDENCY_MISSING: sh-lost needs sh-none [1.0.0,2.0.0), none installed", run("resource:why sh-lost"));
        assertTrue(run("resource:why sh-core").contains("it is not in StartupResources: resource:start sh-core starts it"));
    }

    private String run(String command) throws Exception {
        return String.valueOf(session.execute(command));
    }
}
