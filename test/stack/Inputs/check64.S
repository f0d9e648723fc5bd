/* int check_snippet(void): sets s0-s11 and fs0-fs11 to patterns, calls
   SnippyFunction and returns 0 when all of them, sp, gp and tp are intact,
   else the number of the first broken one (1-12 s, 13-24 fs, 25 sp, 26 gp,
   27 tp). */
        .text
        .globl check_snippet
check_snippet:
        addi sp, sp, -256
        sd ra, 0(sp)
        sd s0, 8(sp)
        sd s1, 16(sp)
        sd s2, 24(sp)
        sd s3, 32(sp)
        sd s4, 40(sp)
        sd s5, 48(sp)
        sd s6, 56(sp)
        sd s7, 64(sp)
        sd s8, 72(sp)
        sd s9, 80(sp)
        sd s10, 88(sp)
        sd s11, 96(sp)
        fsd fs0, 104(sp)
        fsd fs1, 112(sp)
        fsd fs2, 120(sp)
        fsd fs3, 128(sp)
        fsd fs4, 136(sp)
        fsd fs5, 144(sp)
        fsd fs6, 152(sp)
        fsd fs7, 160(sp)
        fsd fs8, 168(sp)
        fsd fs9, 176(sp)
        fsd fs10, 184(sp)
        fsd fs11, 192(sp)
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
        li t0, 0x5a5a000000000100 + \n
        fmv.d.x fs\n, t0
        li s\n, 0xa5a5000000000100 + \n
        .endr
        la t0, saved
        sd sp, 0(t0)
        sd gp, 8(t0)
        sd tp, 16(t0)
        call SnippyFunction
        li a0, 1
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
        li t0, 0xa5a5000000000100 + \n
        bne s\n, t0, fail
        addi a0, a0, 1
        .endr
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11
        li t0, 0x5a5a000000000100 + \n
        fmv.x.d t1, fs\n
        bne t1, t0, fail
        addi a0, a0, 1
        .endr
        la t0, saved
        ld t1, 0(t0)
        bne sp, t1, fail
        addi a0, a0, 1
        ld t1, 8(t0)
        bne gp, t1, fail
        addi a0, a0, 1
        ld t1, 16(t0)
        bne tp, t1, fail
        li a0, 0
fail:
        ld ra, 0(sp)
        ld s0, 8(sp)
        ld s1, 16(sp)
        ld s2, 24(sp)
        ld s3, 32(sp)
        ld s4, 40(sp)
        ld s5, 48(sp)
        ld s6, 56(sp)
        ld s7, 64(sp)
        ld s8, 72(sp)
        ld s9, 80(sp)
        ld s10, 88(sp)
        ld s11, 96(sp)
        fld fs0, 104(sp)
        fld fs1, 112(sp)
        fld fs2, 120(sp)
        fld fs3, 128(sp)
        fld fs4, 136(sp)
        fld fs5, 144(sp)
        fld fs6, 152(sp)
        fld fs7, 160(sp)
        fld fs8, 168(sp)
        fld fs9, 176(sp)
        fld fs10, 184(sp)
        fld fs11, 192(sp)
        addi sp, sp, 256
        ret
        .data
        .balign 8
saved:  .dword 0, 0, 0
