# Zicbom, Zicboz and Zicbop conformance (RV64 and RV32), from the CMO
# specification, for a hart with 64-byte cache blocks (snipgen's model
# default, and Spike's) running in M-mode (menvcfg does not gate M-mode):
# * cbo.zero writes zeros to every byte of the naturally aligned block that
#   holds the address in rs1, and nothing else;
# * cbo.clean/flush/inval leave memory as it is on a hart without a
#   non-coherent cache;
# * a CBO on memory that neither a load nor a store may access raises a
#   store/AMO access fault (mtval: the address in rs1 or its block's base -
#   both are accepted here);
# * prefetch.i/r/w are hints: no effect and no exception, even for an
#   address with no memory.
#include "conf_checks.h"

/* A word load that does not sign-extend (the patterns reach 0xbc...). */
#if __riscv_xlen == 64
#define LWU lwu
#else
#define LWU lw
#endif

TEST_CODE_BEGIN
  INSTALL_HANDLER
  la s0, buf                  # 64-byte aligned, 3 blocks
  # Fill each word with its offset byte repeated.
  li a0, 0
1:
  add a1, s0, a0
  li a2, 0x01010101
  mul a3, a0, a2
  sw a3, 0(a1)
  addi a0, a0, 4
  li a2, 192
  blt a0, a2, 1b

  # cbo.zero inside the middle block (not at its start).
  addi s1, s0, 64 + 23
  cbo.zero (s1)
  EXPECT_NO_TRAP(1)
  li a0, 0
2:
  add a1, s0, a0
  LWU a3, 0(a1)
  li a2, 0x01010101
  mul a4, a0, a2
  li a5, 64
  blt a0, a5, 3f              # first block: pattern
  li a5, 128
  bge a0, a5, 3f              # last block: pattern
  li a4, 0                    # middle block: zero
3:
  CHECK_REG(2, a3, a4)
  addi a0, a0, 4
  li a2, 192
  blt a0, a2, 2b

  # Management operations keep memory as it is.
  cbo.clean (s0)
  addi s1, s0, 130
  cbo.flush (s1)
  addi s1, s0, 191
  cbo.inval (s1)
  EXPECT_NO_TRAP(3)
  LWU a3, 4(s0)
  CHECK(4, a3, 0x04040404)
  LWU a3, 132(s0)
  CHECK(5, a3, 0x84848484)
  LWU a3, 188(s0)
  CHECK(6, a3, 0xbcbcbcbc)

  # Faults: store/AMO access fault, mtval = rs1 or the block base.
  li s1, UNMAPPED + 8
  li s2, UNMAPPED
  cbo.zero (s1)
  CHECK(10, s10, 7)
  beq s11, s1, 4f
  CHECK_REG(11, s11, s2)
4:
  li s10, -1
  cbo.clean (s1)
  CHECK(12, s10, 7)
  beq s11, s1, 4f
  CHECK_REG(13, s11, s2)
4:
  li s10, -1
  cbo.flush (s1)
  CHECK(14, s10, 7)
  beq s11, s1, 4f
  CHECK_REG(15, s11, s2)
4:
  li s10, -1
  cbo.inval (s1)
  CHECK(16, s10, 7)
  beq s11, s1, 4f
  CHECK_REG(17, s11, s2)
4:
  li s10, -1

  # Prefetch hints never trap and change nothing.
  li s1, UNMAPPED
  prefetch.i 0(s1)
  prefetch.r 64(s1)
  prefetch.w -64(s1)
  prefetch.r 0(s0)
  EXPECT_NO_TRAP(20)
  CHECK(21, s1, UNMAPPED)
  TEST_PASS
TRAP_HANDLER
TEST_CODE_END
  .data
  .align 6
buf: .fill 192, 1, 0
