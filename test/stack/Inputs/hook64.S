/* void user_hook(void): the external function the snippet calls. Counts
   its calls and clobbers every caller-saved register, as the ABI allows. */
        .text
        .globl user_hook
user_hook:
        la t0, hook_calls
        lw t1, 0(t0)
        addi t1, t1, 1
        sw t1, 0(t0)
        li t0, 0xdeadbeefdeadbeef
        .irp r, t1,t2,t3,t4,t5,t6,a0,a1,a2,a3,a4,a5,a6,a7
        mv \r, t0
        .endr
        .irp r, ft0,ft1,ft2,ft3,ft4,ft5,ft6,ft7,ft8,ft9,ft10,ft11,fa0,fa1,fa2,fa3,fa4,fa5,fa6,fa7
        fmv.d.x \r, t0
        .endr
        ret
