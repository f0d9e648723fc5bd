# qemu-user style: no tohost, ends with the Linux exit syscall. Computes a
# value through a loop so the exit code checks the arithmetic.
  .text
  .globl _start
_start:
  li t0, 10
  li a0, 0
loop:
  add a0, a0, t0        # 10 + 9 + ... + 1 = 55
  addi t0, t0, -1
  bnez t0, loop
  li a7, 93
  ecall
