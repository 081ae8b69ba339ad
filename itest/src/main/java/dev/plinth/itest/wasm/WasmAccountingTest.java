package dev.plinth.itest.wasm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.core.sandbox.account.Accounts;
import dev.plinth.itest.lua.RuntimeServices;
import dev.plinth.itest.resource.ResourceHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What WebAssembly plugins cost, as {@code resource:top} shows it: the fuel their calls burnt (the work column, in
 * WebAssembly instructions), the linear memory their calls created or grew (the allocated column) and the linear
 * memory they keep (the retained column, as the sandbox's memory thread measured it), each charged to the plugin.
 */
class WasmAccountingTest {

    private static final int CHATS = 10;
    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private Simulation simulation;
    private CommandSession shell;

    @BeforeEach
    void awaitTheServer() {
        simulation = runtime.await(Simulation.class);
        shell = home.context.getService(home.context.getServiceReference(CommandProcessor.class))
                .createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void cleanUp() throws IOException {
        simulation.quit("wc_eve");
        shell.close();
        home.settings("{}");
        home.close();
        runtime.close();
    }

    @Test
    void resourceTopShowsEachPluginsFuelAndLinearMemory() throws Exception {
        home.settings("{\"sandbox\": {\"memory_check_ms\": 100}}");
        WasmFolders.deploy(home, "wc-light", "", WasmFolders.burner(1, 100));
        WasmFolders.deploy(home, "wc-heavy", "", WasmFolders.burner(8, 10_000));
        home.service.start("wc-light");
        home.service.start("wc-heavy");
        simulation.join("wc_eve");
        for (int i = 0; i < CHATS; i++) {
            simulation.chat("wc_eve", "burn " + i);
        }
        Accounts accounts = home.context.getService(home.context.getServiceReference(Accounts.class));
        ResourceHome.await(() -> measured(accounts, "wc-light", 65536) && measured(accounts, "wc-heavy", 8 * 65536)
                ? Optional.of(true) : Optional.empty(), "both plugins' calls and memory are in their accounts");

        long light = accounts.snapshot("wc-light").orElseThrow().work();
        long heavy = accounts.snapshot("wc-heavy").orElseThrow().work();
        assertTrue(light >= CHATS * 100 && heavy > 50 * light, "fuel grows with the loop: " + light + " < " + heavy);
        String top = String.valueOf(shell.execute("resource:top"));
        String lightRow = row(top, "wc-light");
        String heavyRow = row(top, "wc-heavy");
        // work, allocated (its memory, created at the start), retained (its memory, measured), offences
        assertTrue(lightRow.matches("wc-light\\s+wasm\\s.*\\s" + light + "\\s+64\\.0 KiB\\s+64\\.0 KiB\\s+0"),
                top);
        assertTrue(heavyRow.matches("wc-heavy\\s+wasm\\s.*\\s" + heavy + "\\s+512\\.0 KiB\\s+512\\.0 KiB\\s+0"),
                top);
    }

    private static boolean measured(Accounts accounts, String resource, long bytes) {
        return accounts.snapshot(resource).map(a -> a.calls() > CHATS && a.retainedBytes() == bytes).orElse(false);
    }

    private static String row(String top, String resource) {
        return top.lines().filter(l -> l.startsWith(resource + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(resource + " is not in resource:top:\n" + top));
    }
}
