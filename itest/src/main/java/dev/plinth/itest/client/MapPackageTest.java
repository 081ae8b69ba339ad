package dev.plinth.itest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.client.PlinthClient;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.Subscription;
import dev.plinth.core.resource.ResourceState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MTADM's map packages from a Lua admin resource: {@code Resource.CreateMapPackage} writes and deploys a blank map
 * package, {@code Resource.BakeMapPackage} writes its baked assets (whole or not at all), declares them, restarts it,
 * and clients receive them like any asset; a resource without the admin grant is refused.
 */
class MapPackageTest {

    private final ObjectMapper json = new ObjectMapper();
    private ClientHome clients;

    @BeforeEach
    void deploy() throws Exception {
        clients = new ClientHome("\"AdminResources\": [\"mp-editor\"]");
        clients.home.folder("mp-editor", Map.of("plugin.toml", """
                [plugin]
                name = "mp-editor"
                main = "main.lua"
                """, "main.lua", """
                local function reply(text) mc.emit("mp-editor:result", {text = text}) end
                AddEventHandler("mp-editor:newmap", function(event)
                  local name, err = Resource.CreateMapPackage(event.payload.name, "Test Map 1")
                  reply("create " .. tostring(name) .. " " .. tostring(err))
                end)
                AddEventHandler("mp-editor:bake", function(event)
                  local ok, err = Resource.BakeMapPackage(event.payload.name, {
                    name = "Test Map 1", version = "0.2.0",
                    primitives = {{kind = "cube", x = 0, y = -2, z = 0, sx = 64, sy = 2, sz = 64},
                                  {kind = "sphere", x = 1.5, y = 2, z = 3, sx = 4}},
                    renderObjects = {{mesh = "tree", x = 3}}})
                  reply("bake " .. tostring(ok) .. " " .. tostring(err))
                end)
                AddEventHandler("mp-editor:badbake", function(event)
                  local ok, err = Resource.BakeMapPackage(event.payload.name, {primitives = {{kind = "cube", sx = -1}}})
                  reply("badbake " .. tostring(ok) .. " " .. tostring(err))
                end)
                """));
        clients.home.folder("mp-guest", Map.of("plugin.toml", """
                [plugin]
                name = "mp-guest"
                main = "main.lua"
                """, "main.lua", """
                AddEventHandler("mp-guest:steal", function(event)
                  local name, err = Resource.CreateMapPackage("stolen", "x")
                  mc.emit("mp-guest:result", {text = "steal " .. tostring(name) .. " " .. tostring(err)})
                end)
                """));
        clients.home.awaitListed("mp-editor");
        clients.home.awaitListed("mp-guest");
        clients.home.service.start("mp-editor");
        clients.home.service.start("mp-guest");
    }

    @AfterEach
    void cleanUp() throws Exception {
        clients.home.written(clients.home.resources.resolve("testmap1"));
        clients.close();
    }

    @Test
    void anAdminResourceCreatesAndBakesAMapPackageThatClientsReceive() throws Exception {
        assertEquals("create testmap1 nil", ask("mp-editor:newmap", "testmap1"));
        assertEquals(ResourceState.LOADED, clients.home.service.info("testmap1").state());
        Path map = clients.home.resources.resolve("testmap1");
        assertEquals("map", json.readTree(map.resolve("meta.json").toFile()).get("resourceType").asText());
        assertEquals("Test Map 1", json.readTree(map.resolve("map/map.json").toFile()).get("name").asText());
        assertEquals("create nil ERR_ALREADY_EXISTS", ask("mp-editor:newmap", "testmap1"));

        clients.home.service.start("testmap1");
        assertEquals("bake true nil", ask("mp-editor:bake", "testmap1"));

        ByteBuffer collision = ByteBuffer.wrap(Files.readAllBytes(map.resolve("map/map_collision.bin")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("PMCB", new String(new byte[] {collision.get(), collision.get(), collision.get(), collision.get()}));
        assertEquals(1, collision.getShort());
        collision.getShort();
        assertEquals(2, collision.getInt());
        assertEquals(1, collision.get(), "a cube");
        collision.position(collision.position() + 3);
        assertEquals(List.of(0f, -2f, 0f, 64f, 2f, 64f), List.of(collision.getFloat(), collision.getFloat(),
                collision.getFloat(), collision.getFloat(), collision.getFloat(), collision.getFloat()));
        JsonNode render = json.readTree(map.resolve("map/map_render.json").toFile());
        assertEquals("0.2.0", render.get("version").asText());
        assertEquals("tree", render.at("/renderObjects/0/mesh").asText());
        PlinthClient alice = clients.connect("alice", clients.cache("alice"), ClientHome.lines());
        var payload = clients.payloads.payload("testmap1").orElseThrow();
        assertTrue(payload.file("map/map_collision.bin").isPresent() && payload.file("map/map_render.json").isPresent(),
                payload.toString());
        assertTrue(alice.resources().stream().anyMatch(r -> r.name().equals("testmap1") && r.state().equals("loaded")));

        byte[] before = Files.readAllBytes(map.resolve("map/map_collision.bin"));
        assertEquals("badbake nil ERR_INVALID_MANIFEST", ask("mp-editor:badbake", "testmap1"));
        assertEquals(java.util.Arrays.hashCode(before),
                java.util.Arrays.hashCode(Files.readAllBytes(map.resolve("map/map_collision.bin"))),
                "a failed bake leaves the old files");
    }

    @Test
    void aResourceWithoutTheAdminGrantIsRefused() {
        assertEquals("steal nil ERR_PERMISSION_DENIED", ask("mp-guest:steal", "stolen"));
        assertTrue(Files.notExists(clients.home.resources.resolve("stolen")));
    }

    /**
     * Posts a request event from this thread (off the game thread, as a client's event arrives) and waits for the
     * script's reply.
     */
    private String ask(String event, String name) {
        EventBus bus = clients.home.context.getService(clients.home.context.getServiceReference(EventBus.class));
        var replies = new java.util.concurrent.CopyOnWriteArrayList<String>();
        String namespace = event.substring(0, event.indexOf(':'));
        try (Subscription ignored = bus.subscribe(namespace + ":result", HandlerOptions.defaults(),
                reply -> replies.add(String.valueOf(reply.payload().get("text"))))) {
            bus.post(event, Map.of("name", name));
            ResourceHomeWait.until(() -> !replies.isEmpty(), "the reply to " + event);
            return replies.getFirst();
        }
    }
}
