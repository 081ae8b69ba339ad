;; The WebAssembly resource the reload harness reloads (the MC-RS design ABI): it cancels every chat line, which the
;; harness reads as its acknowledgement, counts the lines it handled, and hands the count to its next version as its
;; state (a JSON number). Each version differs by a comment the harness appends.
(module
  (memory (export "memory") 1)
  (global $handled (mut i64) (i64.const 0))
  (global $heap (mut i32) (i32.const 4096))

  ;; Where the host copies the strings it passes (the state): a bump allocator that starts over when full.
  (func (export "alloc") (param $len i32) (result i32)
    (local $ptr i32)
    (if (i32.gt_u (i32.add (global.get $heap) (local.get $len)) (i32.const 65536))
      (then (global.set $heap (i32.const 4096))))
    (local.set $ptr (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get $len)))
    (local.get $ptr))

  (func (export "on_player_chat") (param $player i64) (param $ptr i32) (param $len i32) (result i32)
    (global.set $handled (i64.add (global.get $handled) (i64.const 1)))
    (i32.const 1))

  ;; The count in decimal, written backwards so that it ends at 1088: (ptr << 32) | len.
  (func (export "on_save_state") (result i64)
    (local $n i64)
    (local $at i32)
    (local.set $n (global.get $handled))
    (local.set $at (i32.const 1088))
    (loop $digit
      (local.set $at (i32.sub (local.get $at) (i32.const 1)))
      (i32.store8 (local.get $at) (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $n) (i64.const 10)))))
      (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $n) (i64.const 0))))
    (i64.or (i64.shl (i64.extend_i32_u (local.get $at)) (i64.const 32))
            (i64.extend_i32_u (i32.sub (i32.const 1088) (local.get $at)))))

  (func (export "on_restore_state") (param $ptr i32) (param $len i32)
    (local $i i32)
    (local $n i64)
    (block $done
      (loop $digit
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $n (i64.add (i64.mul (local.get $n) (i64.const 10))
                               (i64.extend_i32_u (i32.sub (i32.load8_u (i32.add (local.get $ptr) (local.get $i)))
                                                          (i32.const 48)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $digit)))
    (global.set $handled (local.get $n))))
