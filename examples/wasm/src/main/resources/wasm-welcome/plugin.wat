;; wasm-welcome: the seed's WebAssembly plugin (MC-RS design document), by hand in the WebAssembly text format.
;;
;;  on_enable        logs "MonPlugin activé !" and registers /wasminfo
;;  on_player_join   broadcasts "§aBienvenue <name> !"
;;  on_player_chat   cancels a line that contains "spam" and tells its author why
;;  on_command       answers /wasminfo
;;  on_disable       logs "MonPlugin désactivé"
;;
;; Strings are UTF-8 (pointer, length) in the exported memory; players are runtime ids (i64).
(module
  (import "env" "mc_log" (func $log (param i32 i32 i32)))
  (import "env" "mc_broadcast" (func $broadcast (param i32 i32)))
  (import "env" "mc_send_message" (func $send_message (param i64 i32 i32)))
  (import "env" "mc_get_player_name" (func $player_name (param i64 i32 i32) (result i32)))
  (import "env" "mc_register_command" (func $register_command (param i32 i32 i32 i32 i32 i32) (result i32)))

  (memory (export "memory") 1)

  ;; Constant strings (lengths in UTF-8 bytes).
  (data (i32.const 16) "MonPlugin activé !")                                  ;; 19
  (data (i32.const 48) "§aBienvenue ")                                        ;; 13
  (data (i32.const 64) " !")                                                  ;; 2
  (data (i32.const 80) "§cMessage interdit !")                                ;; 21
  (data (i32.const 112) "wasminfo")                                           ;; 8
  (data (i32.const 128) "Shows what this WebAssembly plugin runs on")         ;; 42
  (data (i32.const 176) "§6wasm-welcome: the MC-RS design ABI on Chicory")    ;; 48
  (data (i32.const 240) "MonPlugin désactivé")                                ;; 21

  ;; 1020: a player name's capacity and length; 1024: the name; 2048: the welcome line.
  ;; 8192 to the end of the page: what alloc hands out to the host (strings for on_player_chat, on_command).
  (global $heap (mut i32) (i32.const 8192))

  ;; The host copies the strings it passes into memory from here: a bump allocator that starts over when full.
  (func (export "alloc") (param $len i32) (result i32)
    (local $ptr i32)
    (if (i32.gt_u (i32.add (global.get $heap) (local.get $len)) (i32.const 65536))
      (then (global.set $heap (i32.const 8192))))
    (local.set $ptr (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get $len)))
    (local.get $ptr))

  (func (export "on_enable")
    (call $log (i32.const 1) (i32.const 16) (i32.const 19))
    (drop (call $register_command (i32.const 112) (i32.const 8) (i32.const 128) (i32.const 42)
                                  (i32.const 0) (i32.const 0))))

  (func (export "on_disable")
    (call $log (i32.const 1) (i32.const 240) (i32.const 21)))

  (func (export "on_player_join") (param $player i64)
    (local $len i32)
    (i32.store (i32.const 1020) (i32.const 256))
    (if (call $player_name (local.get $player) (i32.const 1024) (i32.const 1020))
      (then (return)))
    (local.set $len (i32.load (i32.const 1020)))
    (if (i32.gt_u (local.get $len) (i32.const 256))
      (then (local.set $len (i32.const 256))))
    (memory.copy (i32.const 2048) (i32.const 48) (i32.const 13))
    (memory.copy (i32.const 2061) (i32.const 1024) (local.get $len))
    (memory.copy (i32.add (i32.const 2061) (local.get $len)) (i32.const 64) (i32.const 2))
    (call $broadcast (i32.const 2048) (i32.add (local.get $len) (i32.const 15))))

  ;; Non-zero cancels the chat line.
  (func (export "on_player_chat") (param $player i64) (param $ptr i32) (param $len i32) (result i32)
    (local $i i32)
    (block $done
      (loop $scan
        (br_if $done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $len)))
        ;; "spam" read as a little-endian i32
        (if (i32.eq (i32.load (i32.add (local.get $ptr) (local.get $i))) (i32.const 0x6d617073))
          (then
            (call $send_message (local.get $player) (i32.const 80) (i32.const 21))
            (return (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (i32.const 0))

  ;; 0: the command was executed. The player is 0 when the console runs it.
  (func (export "on_command") (param $player i64) (param $name i32) (param $name_len i32)
                              (param $args i32) (param $args_len i32) (result i32)
    (if (i64.eqz (local.get $player))
      (then (call $log (i32.const 1) (i32.const 176) (i32.const 48)))
      (else (call $send_message (local.get $player) (i32.const 176) (i32.const 48))))
    (i32.const 0)))
