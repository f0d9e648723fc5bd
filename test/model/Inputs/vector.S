# Vector loads and stores with known effects, for trace/dump/agnostic tests.
  .text
  .globl _start
_start:
  la s0, data
  vsetivli t0, 3, e32, m1, ta, ma
  vle32.v v8, (s0)
  addi s1, s0, 32
  vse32.v v8, (s1)
  vsetivli t0, 2, e8, m1, ta, ma
  vlseg2e8.v v4, (s0)
end:
  ebreak
  .data
data: .word 0x44332211, 0x22222222, 0x33333333, 0x44444444
      .word 0, 0, 0, 0, 0, 0, 0, 0
