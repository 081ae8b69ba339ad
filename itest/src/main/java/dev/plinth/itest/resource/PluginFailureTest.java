package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.runtime.command.CommandInfo;
import dev.plinth.core.runtime.command.Commands;
import java.io.IOException;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * A Java plugin fails as a script resource does: a throwing {@code onEnable} leaves it in {@code error} with the
 * cause (its file and line), without what it registered before throwing, and a restart onto such a version rolls
 * back.
 */
class PluginFailureTest {

    private static final String IMPORTS = "org.osgi.framework,dev.plinth.core.runtime.command,dev.plinth.core.runtime.plugin";

    private final ResourceHome home = new ResourceHome();
    private final Commands commands = home.context.getService(
            Objects.requireNonNull(home.context.getServiceReference(Commands.class)));

    @AfterEach
    void cleanUp() throws IOException {
        home.close();
    }

    @Test
    void aPluginWhoseOnEnableThrowsIsInErrorWithItsCauseAndWithoutItsRegistrations() throws IOException {
        writePlugin("pf-broken", "1.1.0");
        home.awaitListed("pf-broken");

        for (int attempt = 1; attempt <= 2; attempt++) {
            var e = assertThrows(ResourceException.class, () -> home.service.start("pf-broken"));

            assertEquals(ResourceErrorCode.ERR_SCRIPT_EXECUTION, e.code(), e.getMessage());
            assertTrue(e.getMessage().matches("ERR_SCRIPT_EXECUTION: pf-broken: CommandPluginActivator\\.java:\\d+: "
                    + "onEnable failed: IllegalStateException: no greeting is configured"), attempt + ": " + e.getMessage());
            ResourceInfo info = home.service.info("pf-broken");
            assertEquals(ResourceState.ERROR, info.state());
            assertEquals(e.getMessage(), info.lastError().orElseThrow(), "the last error keeps the file and line");
            assertEquals(info.state(), home.awaitListed("pf-broken").state(), "resource:list agrees with resource:info");
            assertFalse(commandNames().contains("pf-broken-cmd"), "what it registered before throwing is gone");
            assertTrue(home.bundle("itest.pf-broken").getState() != Bundle.ACTIVE);
        }
    }

    @Test
    void aRestartOntoAPluginWhoseOnEnableThrowsRollsBack() throws IOException {
        writePlugin("pf-roll", "1.0.0");
        home.awaitListed("pf-roll");
        home.service.start("pf-roll");
        assertTrue(commandNames().contains("pf-roll-cmd"));

        writePlugin("pf-roll", "1.1.0");
        var e = assertThrows(ResourceException.class, () -> home.service.restart("pf-roll"));

        assertEquals(ResourceErrorCode.ERR_RESTART_ROLLBACK_APPLIED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("onEnable failed: IllegalStateException: no greeting is configured"),
                e.getMessage());
        ResourceInfo info = home.service.info("pf-roll");
        assertEquals(ResourceState.STARTED, info.state());
        assertEquals(new Version(1, 0, 0), info.version());
        assertTrue(commandNames().contains("pf-roll-cmd"), "the previous version runs again, with its command");
    }

    private void writePlugin(String name, String version) throws IOException {
        home.plugin(name + ".jar", name, version, CommandPluginActivator.class, IMPORTS,
                CommandPluginActivator.CommandPlugin.class);
    }

    private java.util.List<String> commandNames() {
        return commands.list().stream().map(CommandInfo::name).toList();
    }
}
