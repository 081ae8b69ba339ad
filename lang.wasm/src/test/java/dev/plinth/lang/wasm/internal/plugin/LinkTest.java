package dev.plinth.lang.wasm.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.lang.wasm.internal.abi.AbiKind;
import dev.plinth.lang.wasm.internal.failure.LinkException;
import dev.plinth.lang.wasm.internal.failure.ModuleException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What links: every import must be a host function, of its type, in a granted permission group. */
class LinkTest {

    private final Plugins plugins = new Plugins(true);

    private LinkException refused(AbiKind abi, String imports) {
        return assertThrows(LinkException.class, () -> plugins.wat(abi, "(module " + imports + ")"));
    }

    @Test
    void anImportOfADeniedGroupFailsNamingTheImportAndThePermission() {
        plugins.permissions = Optional.of(Map.of("player", true, "world", false));
        var e = refused(AbiKind.ENV, "(import \"env\" \"mc_set_block\" (func (param i32 i32 i32 i32)))");
        assertEquals("t: test.wat: imports env.mc_set_block, which needs the permission 'world': [permissions] does "
                + "not grant it (world = true would)", e.getMessage());
        assertEquals("env", e.module());
        assertEquals("mc_set_block", e.name());
    }

    @Test
    void aManifestWithoutPermissionsGrantsTheFourGroupsAndNetworkNever() {
        plugins.wat(AbiKind.ENV, """
                (module (import "env" "mc_set_block" (func (param i32 i32 i32 i32)))
                        (import "env" "mc_broadcast" (func (param i32 i32)))
                        (import "env" "mc_register_command" (func (param i32 i32 i32 i32 i32 i32) (result i32)))
                        (import "env" "mc_cancel_task" (func (param i64))))
                """);
        plugins.permissions = Optional.of(Map.of("network", true));
        var e = refused(AbiKind.EXTISM, "(import \"extism:host/env\" \"http_request\" (func (param i64 i64) "
                + "(result i64)))");
        assertEquals("t: test.wat: imports extism:host/env.http_request, which needs the permission 'network': "
                + "Plinth gives plugins no network access", e.getMessage());
    }

    @Test
    void anImportOfAnotherTypeFailsWithBothTypes() {
        var e = refused(AbiKind.ENV, "(import \"env\" \"mc_log\" (func (param i32 i32)))");
        assertEquals("t: test.wat: imports env.mc_log as (I32,I32) -> nil, but Plinth's env.mc_log is "
                + "(I32,I32,I32) -> nil", e.getMessage());
    }

    @Test
    void anUnknownImportOrAnImportedMemoryFails() {
        var unknown = refused(AbiKind.MCRS, "(import \"mcrs\" \"explode\" (func))");
        assertEquals("t: test.wat: imports mcrs.explode, which Plinth does not provide (module 'mcrs' has "
                + "broadcast_message, cancel_task, get_player, get_tick, get_time, is_raining, kick_player, log, "
                + "online_players, register_command, remove_mob, schedule_delayed, schedule_repeating, send_message, "
                + "set_player_food, set_player_health, set_time, spawn_mob, teleport_player)", unknown.getMessage());
        var memory = refused(AbiKind.ENV, "(import \"env\" \"memory\" (memory 1))");
        assertEquals("t: test.wat: imports the memory env.memory, which Plinth does not provide: a plugin defines "
                + "its own memory, tables and globals", memory.getMessage());
        var other = refused(AbiKind.ENV, "(import \"mcrs\" \"log\" (func (param i32 i32 i32)))");
        assertEquals("t: test.wat: imports mcrs.log, which Plinth does not provide (no function of module 'mcrs' is "
                + "offered to this plugin)", other.getMessage());
    }

    @Test
    void aModuleImportingFromTwoAbisIsRefused() {
        var module = plugins.prepare("test.wat", """
                (module (import "env" "mc_log" (func (param i32 i32 i32))) (import "mcrs" "get_tick" (func (result i64))))
                """.getBytes(StandardCharsets.UTF_8)).module();
        var e = assertThrows(ModuleException.class, () -> AbiKind.detect("t: test.wat", Optional.empty(),
                false, module));
        assertEquals("t: test.wat: imports functions of the MC-RS design ABI and the released MC-RS ABI; a plugin is "
                + "built for one ABI (name it with abi = \"env\", \"mcrs\" or \"extism\" under [plugin])",
                e.getMessage());
    }
}
