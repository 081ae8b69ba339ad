package dev.plinth.lang.wasm.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.wasm.internal.abi.AbiKind;
import dev.plinth.lang.wasm.internal.failure.GuestExitException;
import dev.plinth.lang.wasm.internal.meter.CallKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WASI for plugins built for wasm32-wasi: output to the log, no file system, environment or sockets, proc_exit. */
class WasiTest {

    private static final String MODULE = """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (import "wasi_snapshot_preview1" "path_open"
                (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 100) "hello from wasi\\nsecond line\\nno newline")
              (data (i32.const 200) "oops\\n")
              (data (i32.const 300) "etc/passwd")
              ;; iovec at 16: (100, 39)   iovec at 24: (200, 5)
              (func (export "say") (result i32)
                (i32.store (i32.const 16) (i32.const 100)) (i32.store (i32.const 20) (i32.const 39))
                (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 8)))
              (func (export "complain") (result i32)
                (i32.store (i32.const 24) (i32.const 200)) (i32.store (i32.const 28) (i32.const 5))
                (call $fd_write (i32.const 2) (i32.const 24) (i32.const 1) (i32.const 8)))
              (func (export "open") (result i32)
                (call $path_open (i32.const 3) (i32.const 0) (i32.const 300) (i32.const 10) (i32.const 0)
                  (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 8)))
              (func (export "environ") (result i32)
                (drop (call $environ_sizes (i32.const 32) (i32.const 36))) (i32.load (i32.const 32)))
              (func (export "sleep") (result i32)
                (call $poll (i32.const 400) (i32.const 500) (i32.const 1) (i32.const 40)))
              (func (export "random") (result i32)
                (call $random (i32.const 600) (i32.const 32)))
              (func (export "now") (result i64)
                (drop (call $clock (i32.const 0) (i64.const 1) (i32.const 48))) (i64.load (i32.const 48)))
              (func (export "quit") (call $proc_exit (i32.const 3))))
            """;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void standardOutputAndErrorAreLinesOfThePluginsLog(boolean compiled) {
        var plugins = new Plugins(compiled);
        var guest = plugins.wat(AbiKind.ENV, MODULE).guest();

        assertArrayEquals(new long[] {0}, guest.call(CallKind.CALL, "say"));
        assertArrayEquals(new long[] {0}, guest.call(CallKind.CALL, "complain"));
        assertEquals(List.of("INFO hello from wasi", "INFO second line", "WARN oops"), plugins.log);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void thereIsNoFileSystemNoEnvironmentAndNoSleepingButClocksAndRandomWork(boolean compiled) {
        var guest = new Plugins(compiled).wat(AbiKind.ENV, MODULE).guest();

        assertEquals(8, guest.call(CallKind.CALL, "open")[0], "EBADF: no directory is open");
        assertEquals(0, guest.call(CallKind.CALL, "environ")[0], "no environment variable");
        assertEquals(58, guest.call(CallKind.CALL, "sleep")[0], "ENOTSUP: a plugin never blocks the game thread");
        assertEquals(0, guest.call(CallKind.CALL, "random")[0]);
        assertTrue(guest.call(CallKind.CALL, "now")[0] > 1_700_000_000_000_000_000L, "the real time, in ns");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void procExitEndsThePluginWithItsCode(boolean compiled) {
        var plugins = new Plugins(compiled);
        var guest = plugins.wat(AbiKind.ENV, MODULE).guest();

        var e = assertThrows(GuestExitException.class, () -> guest.call(CallKind.CALL, "quit"));
        assertEquals(3, e.code());
        assertEquals("t: test.wat: quit called proc_exit(3)", e.getMessage());
        assertEquals(List.of(e), plugins.fatal, "the plugin is stopped at once");
        assertTrue(guest.isClosed());
    }
}
