/* aes64ks1i with the reserved round number 0xB: illegal instruction. The
   assembler refuses the value, so the encoding is written as data. */
#include "bare.h"

TEST_CODE_BEGIN
  .word 0x31b59513 /* aes64ks1i a0, a1, 0xb */
  TEST_PASS
TEST_CODE_END
