#include "RISCVTarget.h"
#include "TargetTestUtil.h"
#include "gtest/gtest.h"

using namespace snipgen;

// The one table of access sizes must cover every scalar load, store and AMO
// the catalogue offers for the usual ISAs.
TEST(AccessSizeTest, EveryScalarMemoryOpcodeHasASize) {
  for (auto [Triple, Features] :
       {std::pair{"riscv64", "+m,+a,+f,+d,+c,+zicsr,+zifencei"},
        std::pair{"riscv32", "+m,+a,+f,+d,+c,+zicsr,+zifencei"},
        std::pair{"riscv64", "+a,+zabha,+zacas,+zcb,+zfh"}}) {
    const auto &TS = getSubtarget(Triple, Features);
    unsigned Checked = 0;
    for (const OpcodeDesc &Op : TS.Cat->available()) {
      if (!Op.isMemoryAccess() || Op.MemBaseOp < 0)
        continue;
      EXPECT_GT(riscvAccessSize(Op.Name), 0u)
          << Op.Name.str() << " (" << Triple << Features << ") has no access size";
      ++Checked;
    }
    EXPECT_GT(Checked, 20u);
  }
}

TEST(AccessSizeTest, KnownSizes) {
  EXPECT_EQ(riscvAccessSize("LB"), 1u);
  EXPECT_EQ(riscvAccessSize("SH"), 2u);
  EXPECT_EQ(riscvAccessSize("LW"), 4u);
  EXPECT_EQ(riscvAccessSize("C_SDSP"), 8u);
  EXPECT_EQ(riscvAccessSize("AMOMAXU_D_AQ_RL"), 8u);
  EXPECT_EQ(riscvAccessSize("LR_W_AQ"), 4u);
  EXPECT_EQ(riscvAccessSize("AMOCAS_Q"), 16u);
  EXPECT_EQ(riscvAccessSize("ADD"), 0u);
}
