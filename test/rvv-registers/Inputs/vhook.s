/* ext: an external function that clobbers everything the psABI lets it:
   v0-v31, vl/vtype (e8, m8), vxrm, vxsat and the caller-saved GPRs. */
        .text
        .globl ext
ext:
        vsetvli t0, zero, e8, m8, ta, ma
        vmv.v.i v0, -1
        vmv.v.i v8, -1
        vmv.v.i v16, -1
        vmv.v.i v24, -1
        csrwi vxrm, 3
        csrwi vxsat, 1
        li t0, -1
        .irp r, t1,t2,t3,t4,t5,t6,a0,a1,a2,a3,a4,a5,a6,a7
        mv \r, t0
        .endr
        ret
