package dev.plinth.itest.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.interop.ExportedFunction;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.itest.resource.EventLog;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lua resources working with each other and with the resource manager, in a real framework: {@code mc.export} /
 * {@code mc.import} between two resources (the export goes away with its resource), and {@code Resource.Start} /
 * {@code Resource.Stop} allowed to an admin resource, refused to the others ({@code ERR_PERMISSION_DENIED}) and
 * from a game event handler ({@code ERR_DETERMINISTIC_POLICY}).
 */
class LuaInteropTest {

    private static final String LIFECYCLE_CALLER = """
            AddEventHandler("lu:lifecycle", function(event)
              if event.payload.caller ~= "%1$s" then return end
              local err = Resource[event.payload.operation](event.payload.target)
              mc.emit("%1$s:lifecycle-result", {caller = "%1$s", operation = event.payload.operation, err = err or "none"})
            end)
            mc.on("player_chat", function(event)
              local err = Resource.Start("lu-target")
              event.player:send_message("%1$s: Resource.Start: " .. (err or "none"))
            end)
            """;

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private final EventLog events = new EventLog(home.context, "lu-app:sum", "lu-admin:lifecycle-result",
            "lu-user:lifecycle-result");

    @AfterEach
    void cleanUp() throws IOException {
        events.close();
        home.close();
        runtime.close();
    }

    @Test
    void aFunctionOneResourceExportsIsCalledByAnotherUntilTheExporterStops() throws Exception {
        LuaFolders.deploy(home, "lu-lib", "mc.export(\"add\", function(a, b) return a + b end)\n");
        LuaFolders.deploy(home, "lu-app", """
                local add = mc.import("lu-lib", "add")
                mc.on("lu:add", function(event)
                  local ok, result = pcall(add, event.a, event.b)
                  mc.emit("lu-app:sum", {ok = ok, result = tostring(result)})
                end)
                """);
        home.service.start("lu-lib");
        home.service.start("lu-app");

        events.bus().post("lu:add", Map.of("a", 2, "b", 3));
        assertEquals("lu-app:sum {ok=true, result=5}", events.await("lu-app:sum"));
        assertEquals(1, home.context.getServiceReferences(ExportedFunction.class, "(plinth.export.resource=lu-lib)").size());

        home.service.stop("lu-lib");

        assertTrue(home.context.getServiceReferences(ExportedFunction.class, "(plinth.export.resource=lu-lib)").isEmpty(),
                "the export went with its bundle");
        events.bus().post("lu:add", Map.of("a", 2, "b", 3));
        String failed = events.awaitCount(2).get(1);
        assertTrue(failed.startsWith("lu-app:sum {ok=false, result=") && failed.contains("resource 'lu-lib' exports no "
                + "function 'add' (is it started?)"), failed);
    }

    @Test
    void onlyAnAdminResourceStartsAndStopsOthers() throws IOException {
        home.settings("{\"AdminResources\": [\"lu-admin\"]}");
        home.folder("lu-target", Map.of("resource.toml", "type = \"asset-pack\"\n"));
        home.awaitListed("lu-target");
        LuaFolders.deploy(home, "lu-admin", LIFECYCLE_CALLER.formatted("lu-admin"));
        LuaFolders.deploy(home, "lu-user", LIFECYCLE_CALLER.formatted("lu-user"));
        home.service.start("lu-admin");
        home.service.start("lu-user");

        assertEquals("ERR_PERMISSION_DENIED", call("lu-user", "Start"));
        assertEquals(ResourceState.LOADED, home.service.info("lu-target").state());
        assertEquals("none", call("lu-admin", "Start"));
        assertEquals(ResourceState.STARTED, home.service.info("lu-target").state());
        assertEquals("ERR_PERMISSION_DENIED", call("lu-user", "Stop"));
        assertEquals(ResourceState.STARTED, home.service.info("lu-target").state());
        assertEquals("none", call("lu-admin", "Stop"));
        assertEquals(ResourceState.STOPPED, home.service.info("lu-target").state());
    }

    @Test
    void aLifecycleCallFromAGameEventHandlerIsRefused() throws IOException {
        Simulation simulation = runtime.await(Simulation.class);
        home.settings("{\"AdminResources\": [\"lu-admin\"]}");
        home.folder("lu-target", Map.of("resource.toml", "type = \"asset-pack\"\n"));
        home.awaitListed("lu-target");
        LuaFolders.deploy(home, "lu-admin", LIFECYCLE_CALLER.formatted("lu-admin"));
        home.service.start("lu-admin");
        simulation.join("lu_chat_p");
        try {
            simulation.chat("lu_chat_p", "start it");

            assertTrue(simulation.inbox("lu_chat_p").stream()
                    .anyMatch(line -> line.endsWith("message: lu-admin: Resource.Start: ERR_DETERMINISTIC_POLICY")),
                    simulation.inbox("lu_chat_p").toString());
            assertEquals(ResourceState.LOADED, home.service.info("lu-target").state());
        } finally {
            simulation.quit("lu_chat_p");
        }
    }

    /** Has a resource call {@code Resource.<operation>("lu-target")} from an event handler; returns its error code. */
    private String call(String caller, String operation) {
        int before = events.lines().size();
        events.bus().post("lu:lifecycle", Map.of("caller", caller, "operation", operation, "target", "lu-target"));
        String result = events.awaitCount(before + 1).get(before);
        String prefix = caller + ":lifecycle-result {caller=" + caller + ", err=";
        assertTrue(result.startsWith(prefix) && result.endsWith(", operation=" + operation + "}"), result);
        return result.substring(prefix.length(), result.length() - (", operation=" + operation + "}").length());
    }
}
