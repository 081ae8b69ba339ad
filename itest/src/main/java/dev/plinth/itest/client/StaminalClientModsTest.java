package dev.plinth.itest.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.client.PlinthClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staminal client mods on the headless client, with Lua entries: only bootstrap mods whose {@code @client}
 * requirement the client meets load at first, sorted by priority, each entry run and its {@code onAttach} called,
 * then the bootstrap mods' {@code onBootstrap}; {@code system.get_mods()} lists the others with
 * {@code loaded = false}; a bootstrap mod downloads and loads one with {@code system.download_mod(id)}.
 */
class StaminalClientModsTest {

    private static final String SERVER_SIDE = """
            {"name": "%s (server side)", "version": "1.0.0", "type": "library", "execute_on": ["server"]}
            """;

    private ClientHome clients;

    @BeforeEach
    void deploy() throws Exception {
        clients = new ClientHome("");
        mod("sm-late", """
                {"name": "Late", "version": "1.0.0", "entry_point": "client.lua", "type": "bootstrap",
                 "priority": 20, "execute_on": ["client"], "requires": {"@client": ">=0.1.0"}}
                """, """
                function onAttach() print("late attached") end
                function onBootstrap() print("late bootstrapped") end
                """);
        mod("sm-boot", """
                {"name": "Boot", "version": "1.0.0", "entry_point": "client.lua", "type": "bootstrap",
                 "priority": 1, "execute_on": ["client"], "requires": {"@client": ">=0.1.0"}}
                """, """
                print("boot entry runs")
                function onAttach() print("boot attached") end
                function onBootstrap()
                  for _, mod in ipairs(system.get_mods()) do
                    print("mod " .. mod.id .. " loaded=" .. tostring(mod.loaded))
                  end
                  local ok, err = system.download_mod("sm-extra")
                  print("download sm-extra " .. tostring(ok) .. " " .. tostring(err))
                end
                """);
        mod("sm-extra", """
                {"name": "Extra", "version": "1.0.0", "entry_point": "client.lua", "type": "library",
                 "execute_on": ["client"]}
                """, """
                function onAttach() print("extra attached") end
                """);
        mod("sm-future", """
                {"name": "Future", "version": "1.0.0", "entry_point": "client.lua", "type": "bootstrap",
                 "execute_on": ["client"], "requires": {"@client": ">=9.0.0"}}
                """, """
                function onAttach() print("future attached") end
                """);
    }

    private void mod(String name, String manifest, String entry) throws Exception {
        clients.home.folder(name, Map.of("manifest.json", manifest, "client.lua", entry,
                "server/manifest.json", SERVER_SIDE.formatted(name)));
        clients.home.awaitListed(name);
        clients.home.service.start(name);
    }

    @AfterEach
    void cleanUp() throws Exception {
        clients.close();
    }

    @Test
    void bootstrapModsLoadByPriorityAndDownloadTheRest() {
        List<String> output = ClientHome.lines();
        PlinthClient alice = clients.connect("alice", clients.cache("alice"), output);

        List<String> ours = output.stream().filter(l -> l.startsWith("[sm-")).toList();
        int boot = ours.indexOf("[sm-boot] boot entry runs");
        int bootAttached = ours.indexOf("[sm-boot] boot attached");
        int lateAttached = ours.indexOf("[sm-late] late attached");
        int bootBootstrapped = ours.indexOf("[sm-boot] mod sm-extra loaded=false");
        int lateBootstrapped = ours.indexOf("[sm-late] late bootstrapped");
        assertTrue(boot >= 0 && boot < bootAttached && bootAttached < lateAttached
                && lateAttached < bootBootstrapped, "entries and onAttach by priority, then onBootstrap: " + output);
        assertTrue(lateBootstrapped > lateAttached, output.toString());
        assertTrue(ours.contains("[sm-boot] mod sm-future loaded=false"), output.toString());
        assertTrue(ours.contains("[sm-boot] download sm-extra true nil"), output.toString());
        ResourceHomeWait.until(() -> output.contains("[sm-extra] extra attached"),
                "the mod sm-boot downloaded loads (its entry runs, onAttach is called)");
        assertTrue(output.contains("loaded sm-extra 1.0.0 (downloaded by a bootstrap mod)"), output.toString());
        assertFalse(ours.contains("[sm-future] future attached"), "@client 9.0.0 is not this client's: " + output);
        assertTrue(output.contains("sm-future not loaded: it needs @client >= 9.0.0, this client is 0.1.0"),
                output.toString());
        assertTrue(alice.resources().stream().anyMatch(r -> r.name().equals("sm-future") && !r.state().equals("loaded")),
                alice.resources().toString());
    }
}
