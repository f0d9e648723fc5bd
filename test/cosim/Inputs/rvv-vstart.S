# Vector loads/stores started at vstart > 0 (and vstart >= vl), and vstart
# WARL / vcsr behaviour: compared with QEMU 10 after every instruction.
.globl _start
_start:
  lla a0, buf
  addi a1, a0, 256
  vsetvli t0, zero, e8, m8, ta, ma
  vle8.v v8, (a0)
  vle8.v v16, (a1)
  li t1, 6
  vsetvli t0, t1, e32, m1, tu, mu
  csrwi vstart, 2
  vle32.v v8, (a0)
  csrwi vstart, 1
  li t2, 8
  vlse32.v v9, (a0), t2
  csrwi vstart, 3
  vluxei8.v v10, (a0), v16
  csrwi vstart, 1
  vlseg3e32.v v11, (a0)
  csrwi vstart, 5
  vl2re16.v v14, (a0)
  csrwi vstart, 1
  vlm.v v16, (a1)
  csrwi vstart, 2
  vse32.v v8, (a1)
  csrwi vstart, 9
  vle32.v v20, (a0)
  csrwi vstart, 2
  vle32ff.v v21, (a0)
  csrwi vstart, 3
  vs1r.v v9, (a1)
  ld s2, 0(a1)
  ld s3, 8(a1)
  li t0, 0x3ff
  csrw vstart, t0          # WARL: log2(VLEN) bits kept
  csrr a2, vstart
  csrwi vstart, 0
  csrwi vcsr, 7
  csrr a3, vxrm
  csrr a4, vxsat
  ebreak
.data
.align 4
buf:
  .rept 128
  .byte 0x11, 0x22, 0x33, 0x04
  .endr
