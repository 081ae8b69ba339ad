package dev.plinth.itest.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.simulation.Simulation;
import dev.plinth.itest.lua.RuntimeServices;
import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Extism plugin in a real framework: its exports named after events get the event as JSON and cancel it with
 * {@code {"cancel": true}}; Plinth's {@code mc_*} host functions take JSON; Extism's HTTP needs the {@code network}
 * permission, which nothing grants.
 */
class WasmExtismTest {

    private final ResourceHome home = new ResourceHome();
    private final RuntimeServices runtime = new RuntimeServices(home.context);
    private Simulation simulation;

    @BeforeEach
    void awaitTheServer() {
        simulation = runtime.await(Simulation.class);
        runtime.await(Commands.class);
        simulation.pause();
    }

    @AfterEach
    void cleanUp() throws IOException {
        simulation.resume();
        home.close();
        runtime.close();
    }

    /**
     * on_player_chat: reads the event JSON into memory, sends it back to the player through mc_send_message
     * (wrapped as {"player": ..., "message": <the event>}), and cancels lines that contain "cancel-me".
     * on_enable: registers /wx-echo, whose on_command outputs {"message": "echo"}.
     */
    private static final String PLUGIN = """
            (module
              (import "extism:host/user" "mc_register_command" (func $register (param i64) (result i64)))
            """ + WasmFolders.EXTISM_KERNEL + """
              (memory (export "memory") 1)
              (data (i32.const 16) "{\\"cancel\\":true}")
              (data (i32.const 48) "cancel-me")
              (data (i32.const 64) "{\\"name\\":\\"wx-echo\\",\\"description\\":\\"echoes\\"}")
              (data (i32.const 128) "{\\"message\\":\\"echo\\"}")
              (func (export "on_enable") (result i32)
                (drop (call $register (call $to_block (i32.const 64) (i32.const 41)))) (i32.const 0))
              (func (export "on_command") (result i32)
                (call $output_set (call $to_block (i32.const 128) (i32.const 18)) (i64.const 18)) (i32.const 0))
              (func (export "on_player_chat") (result i32)
                (local $len i32) (local $i i32) (local $j i32)
                (local.set $len (i32.wrap_i64 (call $input_length)))
                (block $d (loop $l
                  (br_if $d (i32.ge_u (local.get $i) (local.get $len)))
                  (i32.store8 (i32.add (i32.const 1024) (local.get $i))
                              (call $input_load_u8 (i64.extend_i32_u (local.get $i))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $l)))
                (local.set $i (i32.const 0))
                (block $found (loop $scan
                  (br_if $found (i32.gt_s (i32.add (local.get $i) (i32.const 9)) (local.get $len)))
                  (local.set $j (i32.const 0))
                  (block $next (loop $cmp
                    (if (i32.ge_u (local.get $j) (i32.const 9))
                      (then (call $output_set (call $to_block (i32.const 16) (i32.const 15)) (i64.const 15))
                            (return (i32.const 0))))
                    (br_if $next (i32.ne (i32.load8_u (i32.add (i32.add (i32.const 1024) (local.get $i)) (local.get $j)))
                                         (i32.load8_u (i32.add (i32.const 48) (local.get $j)))))
                    (local.set $j (i32.add (local.get $j) (i32.const 1))) (br $cmp)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $scan)))
                (i32.const 0)))
            """;

    @Test
    void eventsComeAsJsonAndACancelOutputCancelsThem() throws IOException {
        WasmFolders.deploy(home, "wx-chat", "abi = \"extism\"\n", PLUGIN);
        home.service.start("wx-chat");
        simulation.join("wx_ann");

        assertEquals("wx_ann's message was cancelled", simulation.chat("wx_ann", "please cancel-me now"));
        assertTrue(simulation.chat("wx_ann", "keep me").startsWith("'wx_ann: keep me'"));
        assertEquals("/wx-echo: executed", simulation.command("wx_ann", "wx-echo"));
        assertTrue(simulation.inbox("wx_ann").getLast().endsWith("message: echo"), simulation.inbox("wx_ann").toString());
        simulation.quit("wx_ann");
    }

    @Test
    void extismHttpNeedsTheNetworkPermissionWhichNothingGrants() throws IOException {
        WasmFolders.deploy(home, "wx-http", "abi = \"extism\"\n[permissions]\nnetwork = true\n", """
                (module (import "extism:host/env" "http_request" (func (param i64 i64) (result i64))))
                """);

        var e = assertThrows(ResourceException.class, () -> home.service.start("wx-http"));
        assertEquals("ERR_SCRIPT_EXECUTION: wx-http: main.wat: imports extism:host/env.http_request, which needs the "
                + "permission 'network': Plinth gives plugins no network access", e.getMessage());
    }
}
