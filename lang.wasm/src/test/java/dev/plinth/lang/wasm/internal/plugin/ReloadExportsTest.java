package dev.plinth.lang.wasm.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.lang.wasm.internal.abi.AbiKind;
import dev.plinth.lang.wasm.internal.failure.GuestTrapException;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reload exports of both ABIs that have them: the state out as JSON, back in, and the reload hooks. */
class ReloadExportsTest {

    /** Saves {"n":3}, keeps what it is given at 2048 (its length in $got), counts its hooks in $hooks. */
    private static final String DESIGN = """
            (module
              (memory (export "memory") 1)
              (data (i32.const 100) "{\\"n\\":3}")
              (global $got (mut i32) (i32.const 0))
              (global $hooks (mut i32) (i32.const 0))
              (func (export "alloc") (param i32) (result i32) (i32.const 2048))
              (func (export "on_save_state") (result i64)
                (i64.or (i64.shl (i64.const 100) (i64.const 32)) (i64.const 7)))
              (func (export "on_restore_state") (param i32 i32) (global.set $got (local.get 1)))
              (func (export "on_reload") (global.set $hooks (i32.add (global.get $hooks) (i32.const 1))))
              (func (export "on_dependency_reload") (param i32 i32)
                (global.set $hooks (i32.add (global.get $hooks) (i32.const 10)))
                (global.set $got (local.get 1)))
              (func (export "got") (result i32) (i32.load8_u (i32.const 2048)))
              (func (export "got_len") (result i32) (global.get $got))
              (func (export "hooks") (result i32) (global.get $hooks)))
            """;

    /** Outputs 7 from on_save_state and keeps the length of its input to on_restore_state. */
    private static final String EXTISM = """
            (module
              (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
              (import "extism:host/env" "store_u8" (func $store (param i64 i32)))
              (import "extism:host/env" "output_set" (func $output (param i64 i64)))
              (import "extism:host/env" "input_length" (func $input_length (result i64)))
              (memory (export "memory") 1)
              (global $got (mut i64) (i64.const 0))
              (func (export "on_save_state") (result i32) (local $p i64)
                (local.set $p (call $alloc (i64.const 1)))
                (call $store (local.get $p) (i32.const 55))
                (call $output (local.get $p) (i64.const 1))
                (i32.const 0))
              (func (export "on_restore_state") (result i32) (global.set $got (call $input_length)) (i32.const 0))
              (func (export "got_len") (result i64) (global.get $got)))
            """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theDesignAbiHandsItsStateOverAsJsonInItsMemory(boolean compiled) {
        var plugins = new Plugins(compiled);
        WasmPlugin plugin = plugins.wat(AbiKind.ENV, DESIGN);

        assertEquals(Optional.of("{\"n\":3}"), plugin.abi().saveState());
        plugin.abi().restoreState("{\"n\":12}");
        assertArrayEquals(new long[] {8}, plugin.guest().call(CallKind.CALL, "got_len"));
        assertArrayEquals(new long[] {'{'}, plugin.guest().call(CallKind.CALL, "got"));
        plugin.abi().reloaded();
        plugin.abi().dependencyReloaded("base");
        assertArrayEquals(new long[] {11}, plugin.guest().call(CallKind.CALL, "hooks"));
        assertArrayEquals(new long[] {4}, plugin.guest().call(CallKind.CALL, "got_len"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aModuleWithoutTheExportsKeepsNothingAndIgnoresTheHooks(boolean compiled) {
        WasmPlugin plugin = new Plugins(compiled).wat(AbiKind.ENV, "(module (memory (export \"memory\") 1))");

        assertEquals(Optional.empty(), plugin.abi().saveState());
        plugin.abi().restoreState("{}");
        plugin.abi().reloaded();
        plugin.abi().dependencyReloaded("base");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aStateOutsideItsMemoryIsATrapOfOnSaveState(boolean compiled) {
        WasmPlugin plugin = new Plugins(compiled).wat(AbiKind.ENV, """
                (module (memory (export "memory") 1)
                  (func (export "on_save_state") (result i64) (i64.or (i64.shl (i64.const 65530) (i64.const 32))
                    (i64.const 100))))
                """);

        var trap = assertThrows(GuestTrapException.class, () -> plugin.abi().saveState());
        assertEquals("t: test.wat: on_save_state trapped: on_save_state: pointer 65530 + length 100 is outside the "
                + "module's memory (65536 bytes)", trap.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anExtismPluginGivesItsStateAsOutputAndTakesItAsInput(boolean compiled) {
        var plugins = new Plugins(compiled);
        WasmPlugin plugin = plugins.wat(AbiKind.EXTISM, EXTISM);

        assertEquals(Optional.of("7"), plugin.abi().saveState());
        plugin.abi().restoreState("[1,2,3]");
        assertArrayEquals(new long[] {7}, plugin.guest().call(CallKind.CALL, "got_len"));
    }
}
