# A few instructions with known effects, for trace/SNTF/dump tests.
  .text
  .globl _start
_start:
  li a0, 5
  addi a1, a0, -7
  la s0, data
#if __riscv_xlen == 64
  sd a1, 8(s0)
#else
  sw a1, 8(s0)
#endif
  lw a2, 8(s0)
  csrw mscratch, a0
  c.addi a0, 1
end:
  ebreak
  .data
data: .dword 0, 0
