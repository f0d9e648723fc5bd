# Every form of VSET* with known vtype and vl after it (VLEN 128): the
# -dump-vector-configs collector reads them from the model.
  .text
  .globl _start
_start:
  li a0, 3
  li a2, 2
loop:                                   # twice: e32 m1 vl=3
  vsetvli t0, a0, e32, m1, ta, ma
  addi a2, a2, -1
  bnez a2, loop
  vsetvli zero, zero, e16, mf2, tu, mu  # keeps vl (3): e16 mf2 vl=3
  vsetivli t1, 17, e8, m2, ta, mu       # AVL 17 > VLMAX 32? no: vl=17
  vsetvli t2, zero, e64, m4, ta, ma     # vl = VLMAX = 8
  li a1, 0xd1                           # e32 m2 ta ma
  li a3, 5
  vsetvl t3, a3, a1                     # vl=5
  li a1, 0x20                           # SEW 256: reserved -> vill, vl=0
  vsetvl t4, a3, a1
end:
  ebreak
