/* int check_snippet(void), RV32: as check.S, the FP patterns go through
   memory (RV32 has no 64-bit fmv). Returns 0 or the first broken register
   (1-12 s, 13-24 fs, 25 sp, 26 gp, 27 tp). */
        .text
        .globl check_snippet
check_snippet:
        addi sp, sp, -160
        sw ra, 0(sp)
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
        sw s\n, (4 + 4 * \n)(sp)
        fsd fs\n, (56 + 8 * \n)(sp)
        .endr
        la t0, patterns
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
        fld fs\n, (8 * \n)(t0)
        li s\n, 0xa5a50100 + \n
        .endr
        la t0, saved
        sw sp, 0(t0)
        sw gp, 4(t0)
        sw tp, 8(t0)
        call SnippyFunction
        li a0, 1
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
        li t0, 0xa5a50100 + \n
        bne s\n, t0, fail
        addi a0, a0, 1
        .endr
        la t0, patterns
        la t2, scratch
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
        fsd fs\n, 0(t2)
        lw t1, 0(t2)
        lw t3, (8 * \n)(t0)
        bne t1, t3, fail
        lw t1, 4(t2)
        lw t3, (8 * \n + 4)(t0)
        bne t1, t3, fail
        addi a0, a0, 1
        .endr
        la t0, saved
        lw t1, 0(t0)
        bne sp, t1, fail
        addi a0, a0, 1
        lw t1, 4(t0)
        bne gp, t1, fail
        addi a0, a0, 1
        lw t1, 8(t0)
        bne tp, t1, fail
        li a0, 0
fail:
        lw ra, 0(sp)
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
        lw s\n, (4 + 4 * \n)(sp)
        fld fs\n, (56 + 8 * \n)(sp)
        .endr
        addi sp, sp, 160
        ret
        .data
        .balign 8
patterns:
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
        .word 0x5a5a0100 + \n, 0x3c3c0000 + \n
        .endr
saved:  .word 0, 0, 0
        .balign 8
scratch: .word 0, 0
