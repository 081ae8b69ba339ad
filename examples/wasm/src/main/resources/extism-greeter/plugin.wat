;; extism-greeter: an Extism plugin in the WebAssembly text format.
;;
;;  greet            input: a name; output: "Hello, <name>!"      (wasm:call extism-greeter greet Steve)
;;  on_player_join   input: the event as JSON; broadcasts a welcome through mc_broadcast
;;  on_player_chat   input: the event as JSON; outputs {"cancel":true} when the line contains "spam"
;;  on_enable        logs through mc_log
;;
;; Exports take no parameters and return 0 (or an error code): input and output go through the Extism kernel.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/user" "mc_broadcast" (func $mc_broadcast (param i64) (result i64)))
  (import "extism:host/user" "mc_log" (func $mc_log (param i64) (result i64)))

  (memory (export "memory") 2)

  (data (i32.const 16) "Hello, ")                                                   ;; 7
  (data (i32.const 48) "{\"cancel\":true}")                                         ;; 15
  (data (i32.const 80) "spam")                                                      ;; 4
  (data (i32.const 96) "{\"message\":\"An Extism plugin welcomes a new player\"}")  ;; 52
  (data (i32.const 160) "{\"level\":\"info\",\"message\":\"extism-greeter enabled\"}")  ;; 51

  ;; Copies the input into memory at 1024 (at most 30000 bytes) and returns its length.
  (func $read_input (result i32)
    (local $len i32) (local $i i32)
    (local.set $len (i32.wrap_i64 (call $input_length)))
    (if (i32.gt_u (local.get $len) (i32.const 30000)) (then (local.set $len (i32.const 30000))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (i32.add (i32.const 1024) (local.get $i))
                    (call $input_load_u8 (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $len))

  ;; Copies len bytes at ptr into a new block of the kernel's memory and returns its offset.
  (func $to_block (param $ptr i32) (param $len i32) (result i64)
    (local $block i64) (local $i i32)
    (local.set $block (call $alloc (i64.extend_i32_u (local.get $len))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (call $store_u8 (i64.add (local.get $block) (i64.extend_i32_u (local.get $i)))
                        (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $block))

  ;; Whether the len bytes at ptr contain the n bytes at needle.
  (func $contains (param $ptr i32) (param $len i32) (param $needle i32) (param $n i32) (result i32)
    (local $i i32) (local $j i32)
    (block $done
      (loop $next
        (br_if $done (i32.gt_s (i32.add (local.get $i) (local.get $n)) (local.get $len)))
        (local.set $j (i32.const 0))
        (block $mismatch
          (loop $compare
            (if (i32.ge_u (local.get $j) (local.get $n)) (then (return (i32.const 1))))
            (br_if $mismatch (i32.ne
              (i32.load8_u (i32.add (i32.add (local.get $ptr) (local.get $i)) (local.get $j)))
              (i32.load8_u (i32.add (local.get $needle) (local.get $j)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $compare)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  (func (export "greet") (result i32)
    (local $len i32) (local $out i32)
    (local.set $len (call $read_input))
    (memory.copy (i32.const 32768) (i32.const 16) (i32.const 7))
    (memory.copy (i32.const 32775) (i32.const 1024) (local.get $len))
    (i32.store8 (i32.add (i32.const 32775) (local.get $len)) (i32.const 33))  ;; '!'
    (local.set $out (i32.add (local.get $len) (i32.const 8)))
    (call $output_set (call $to_block (i32.const 32768) (local.get $out)) (i64.extend_i32_u (local.get $out)))
    (i32.const 0))

  (func (export "on_player_join") (result i32)
    (drop (call $mc_broadcast (call $to_block (i32.const 96) (i32.const 52))))
    (i32.const 0))

  (func (export "on_player_chat") (result i32)
    (local $len i32)
    (local.set $len (call $read_input))
    (if (call $contains (i32.const 1024) (local.get $len) (i32.const 80) (i32.const 4))
      (then (call $output_set (call $to_block (i32.const 48) (i32.const 15)) (i64.const 15))))
    (i32.const 0))

  (func (export "on_enable") (result i32)
    (drop (call $mc_log (call $to_block (i32.const 160) (i32.const 51))))
    (i32.const 0)))
