;; mcrs-hello: a plugin of the released MC-RS's ABI, in the WebAssembly text format.
;;
;;  __on_enable   logs and registers /hi
;;  __on_event    broadcasts a line when a player joins ({"PlayerJoin": ...}), cancels chat lines with "spam"
;;  __on_command  answers /hi with a length-prefixed reply
;;
;; Values the plugin returns to the host are [u32 LE length][UTF-8] in its memory.
(module
  (import "mcrs" "log" (func $log (param i32 i32 i32)))
  (import "mcrs" "broadcast_message" (func $broadcast (param i32 i32)))
  (import "mcrs" "register_command" (func $register_command (param i32 i32 i32 i32)))

  (memory (export "memory") 1)

  (data (i32.const 16) "mcrs-hello enabled")                                   ;; 18
  (data (i32.const 48) "hi")                                                   ;; 2
  (data (i32.const 64) "Says hello from the released MC-RS ABI")               ;; 38
  (data (i32.const 112) "\22\00\00\00Hello from the released MC-RS ABI!")      ;; length-prefixed, 34
  (data (i32.const 160) "A player joined: released MC-RS ABI")                 ;; 35
  (data (i32.const 208) "{\"PlayerJoin\"")                                     ;; 13
  (data (i32.const 224) "{\"PlayerChat\"")                                     ;; 13
  (data (i32.const 240) "spam")                                                ;; 4
  (data (i32.const 256)
    "\54\00\00\00{\"name\":\"mcrs-hello\",\"version\":\"1.0.0\",\"description\":\"Says hello\",\"author\":\"Plinth\"}")

  (global $heap (mut i32) (i32.const 4096))

  (func (export "__malloc") (param $size i32) (result i32)
    (local $ptr i32)
    (if (i32.gt_u (i32.add (global.get $heap) (local.get $size)) (i32.const 65536))
      (then (global.set $heap (i32.const 4096))))
    (local.set $ptr (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get $size)))
    (local.get $ptr))

  (func (export "__free") (param $ptr i32) (param $size i32))

  (func (export "__plugin_info") (result i32) (i32.const 256))

  (func (export "__on_enable")
    (call $log (i32.const 0) (i32.const 16) (i32.const 18))
    (call $register_command (i32.const 48) (i32.const 2) (i32.const 64) (i32.const 38)))

  (func (export "__on_disable"))

  ;; Whether the len bytes at ptr start with the n bytes at prefix.
  (func $starts_with (param $ptr i32) (param $len i32) (param $prefix i32) (param $n i32) (result i32)
    (local $i i32)
    (if (i32.lt_u (local.get $len) (local.get $n)) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $ptr) (local.get $i)))
                    (i32.load8_u (i32.add (local.get $prefix) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  ;; Whether the len bytes at ptr contain the n bytes at needle.
  (func $contains (param $ptr i32) (param $len i32) (param $needle i32) (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.gt_s (i32.add (local.get $i) (local.get $n)) (local.get $len)))
        (if (call $starts_with (i32.add (local.get $ptr) (local.get $i)) (local.get $n)
                               (local.get $needle) (local.get $n))
          (then (return (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; 1 cancels the event.
  (func (export "__on_event") (param $ptr i32) (param $len i32) (result i32)
    (if (call $starts_with (local.get $ptr) (local.get $len) (i32.const 208) (i32.const 13))
      (then (call $broadcast (i32.const 160) (i32.const 35))))
    (if (call $starts_with (local.get $ptr) (local.get $len) (i32.const 224) (i32.const 13))
      (then (return (call $contains (local.get $ptr) (local.get $len) (i32.const 240) (i32.const 4)))))
    (i32.const 0))

  (func (export "__on_command") (param $ptr i32) (param $len i32) (result i32)
    (i32.const 112))

  (func (export "__on_task") (param $task i32))

  (func (export "__default_config") (result i32) (i32.const 0))

  (func (export "__load_config") (param $ptr i32) (param $len i32)))
