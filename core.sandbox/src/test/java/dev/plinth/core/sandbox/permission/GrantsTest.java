package dev.plinth.core.sandbox.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantsTest {

    @Test
    void aManifestWithoutASectionGetsTheFourGroups() {
        var grants = Grants.of("welcome", "plugin.toml", Optional.empty());
        assertEquals(EnumSet.of(Permission.PLAYER, Permission.WORLD, Permission.COMMANDS, Permission.SCHEDULER),
                EnumSet.copyOf(grants.granted()));
        grants.check(Permission.WORLD, "mc.get_world");
    }

    @Test
    void aSectionGrantsExactlyWhatItNames() {
        var section = new LinkedHashMap<String, Boolean>();
        section.put("player", true);
        section.put("world", false);
        section.put("network", true);
        var grants = Grants.of("chat", "plugin.toml", Optional.of(section));
        assertTrue(grants.allows(Permission.PLAYER));
        assertFalse(grants.allows(Permission.WORLD));
        assertFalse(grants.allows(Permission.SCHEDULER), "not named: not granted");
        assertFalse(grants.allows(Permission.COMMANDS));
        assertEquals(Set.of(Permission.PLAYER, Permission.NETWORK), grants.granted());
    }

    @Test
    void anEmptySectionGrantsNothing() {
        var grants = Grants.of("quiet", "plugin.toml", Optional.of(Map.of()));
        assertEquals(Set.of(), grants.granted());
    }

    @Test
    void aDeniedCallNamesThePermission() {
        var grants = Grants.of("chat", "plugin.toml", Optional.of(Map.of("world", false)));
        var denied = assertThrows(PermissionDeniedException.class, () -> grants.check(Permission.WORLD,
                "mc.get_world"));
        assertEquals("ERR_PERMISSION_DENIED: chat: mc.get_world needs the permission 'world', which its manifest does "
                + "not grant ([permissions] world = true)", denied.getMessage());
        assertEquals("chat", denied.resource());
    }

    @Test
    void anUnknownPermissionIsRefusedWithTheFileAndField() {
        var refused = assertThrows(PermissionDeniedException.class,
                () -> Grants.of("chat", "plugin.toml", Optional.of(Map.of("everything", true))));
        assertEquals("chat: plugin.toml, field 'permissions.everything': no such permission; the permissions are "
                + "player, world, commands, scheduler, network, filesystem", refused.getMessage());
    }

    @Test
    void networkAndFilesystemGrantNoApi() {
        assertFalse(Permission.NETWORK.grantsApi());
        assertFalse(Permission.FILESYSTEM.grantsApi());
        assertTrue(Permission.SCHEDULER.grantsApi());
    }
}
