# Svinval conformance (RV64 and RV32), machine mode: SINVAL.VMA (the
# semantics of SFENCE.VMA), SFENCE.W.INVAL and SFENCE.INVAL.IR are legal in
# M-mode; with no address translation they retire with no architectural
# effect.
#include "conf_checks.h"
TEST_CODE_BEGIN
  INSTALL_HANDLER
  la a0, 1f
  li a1, 5
  sfence.w.inval
  sinval.vma zero, zero
  sinval.vma a0, zero
  sinval.vma zero, a1
  sinval.vma a0, a1
  sfence.inval.ir
1:
  EXPECT_NO_TRAP(1)
  CHECK(2, a1, 5)
  TEST_PASS
TRAP_HANDLER
TEST_CODE_END
