#include "TargetTestUtil.h"
#include "gtest/gtest.h"
#include <chrono>

using namespace snipgen;

static const char *RV64GC = "+m,+a,+f,+d,+c,+zicsr,+zifencei";

TEST(CatalogueTest, AvailabilityFollowsFeatures) {
  const auto &GC = getSubtarget("riscv64", RV64GC);
  for (const char *Name : {"ADD", "ADDI", "LW", "SD", "C_ADDI", "FADD_D",
                           "AMOADD_W", "LR_D", "FENCE_I", "MULW"})
    EXPECT_NE(GC.Cat->lookup(Name), nullptr) << Name;
  for (const char *Name : {"VADD_VV", "CLMUL", "SH1ADD", "CZERO_EQZ"})
    EXPECT_EQ(GC.Cat->lookup(Name), nullptr) << Name;
  EXPECT_TRUE(GC.Cat->isKnownButUnavailable("VADD_VV"));

  const auto &V = getSubtarget("riscv64", "+v,+zbc");
  EXPECT_NE(V.Cat->lookup("VADD_VV"), nullptr);
  EXPECT_NE(V.Cat->lookup("CLMUL"), nullptr);
  EXPECT_EQ(V.Cat->lookup("C_ADDI"), nullptr);

  // RV32-only and RV64-only forms.
  const auto &R32 = getSubtarget("riscv32", "+c,+f");
  EXPECT_NE(R32.Cat->lookup("C_JAL"), nullptr);
  EXPECT_NE(R32.Cat->lookup("C_FLW"), nullptr);
  EXPECT_EQ(R32.Cat->lookup("ADDIW"), nullptr);
  EXPECT_EQ(GC.Cat->lookup("C_JAL"), nullptr);
}

TEST(CatalogueTest, ImmediateDomainsAreProbed) {
  const auto &GC = getSubtarget("riscv64", RV64GC);
  const OpcodeDesc *ADDI = GC.Cat->lookup("ADDI");
  ASSERT_TRUE(ADDI);
  const ImmediateDomain &Simm12 = ADDI->Operands[2].Imm;
  EXPECT_EQ(Simm12.Min, -2048);
  EXPECT_EQ(Simm12.Max, 2047);
  EXPECT_EQ(Simm12.count(), 4096u);

  const ImmediateDomain &Uimm20 = GC.Cat->lookup("LUI")->Operands[1].Imm;
  EXPECT_EQ(Uimm20.Min, 0);
  EXPECT_EQ(Uimm20.Max, (1 << 20) - 1);

  EXPECT_EQ(GC.Cat->lookup("SLLI")->Operands[2].Imm.Max, 63);
  EXPECT_EQ(getSubtarget("riscv32", "").Cat->lookup("SLLI")->Operands[2].Imm.Max,
            31);

  const OperandDesc &Br = GC.Cat->lookup("BEQ")->Operands[2];
  EXPECT_EQ(Br.Role, OperandRole::PCRelative);
  EXPECT_EQ(Br.Imm.Min, -4096);
  EXPECT_EQ(Br.Imm.Max, 4094);
  EXPECT_EQ(Br.Imm.Step, 2u);
  EXPECT_FALSE(Br.Imm.contains(3));

  // Rounding modes 5 and 6 are reserved and do not decode.
  std::vector<int64_t> RM = GC.Cat->lookup("FADD_S")->Operands[3].Imm.Values;
  EXPECT_EQ(RM, (std::vector<int64_t>{0, 1, 2, 3, 4, 7}));

  // C.ADDI4SPN: non-zero multiples of 4 up to 1020.
  const ImmediateDomain &Spn = GC.Cat->lookup("C_ADDI4SPN")->Operands[2].Imm;
  EXPECT_FALSE(Spn.contains(0));
  EXPECT_TRUE(Spn.contains(4));
  EXPECT_TRUE(Spn.contains(1020));
  EXPECT_FALSE(Spn.contains(6));
}

TEST(CatalogueTest, OperandRolesAndRegisters) {
  const auto &GC = getSubtarget("riscv64", RV64GC);
  const OpcodeDesc *LW = GC.Cat->lookup("LW");
  EXPECT_TRUE(LW->MayLoad);
  EXPECT_EQ(LW->MemBaseOp, 1);
  EXPECT_EQ(LW->MemOffsetOp, 2);
  const OpcodeDesc *SW = GC.Cat->lookup("SW");
  EXPECT_TRUE(SW->MayStore);
  EXPECT_EQ(SW->MemBaseOp, 1);
  EXPECT_EQ(SW->Operands[0].IsDef, false);

  // Compressed register operands only take x8-x15.
  const OpcodeDesc *CLW = GC.Cat->lookup("C_LW");
  EXPECT_EQ(CLW->Operands[CLW->MemBaseOp].LegalRegs.size(), 8u);
  // C.ADDI: rd is tied to rs1 and is never x0.
  const OpcodeDesc *CADDI = GC.Cat->lookup("C_ADDI");
  EXPECT_EQ(CADDI->Operands[1].TiedTo, 0);
  unsigned X0 = GC.Env->findRegister("X0");
  for (unsigned R : CADDI->Operands[0].LegalRegs)
    EXPECT_NE(R, X0);
  EXPECT_TRUE(GC.Cat->lookup("BEQ")->IsBranch);
  EXPECT_TRUE(GC.Cat->lookup("JAL")->hasControlFlowTraits());
}

TEST(CatalogueTest, ListIsSortedAndHasNoPseudos) {
  const auto &GC = getSubtarget("riscv64", RV64GC);
  auto Ops = GC.Cat->available();
  ASSERT_GT(Ops.size(), 200u);
  for (size_t I = 1; I < Ops.size(); ++I)
    EXPECT_LT(Ops[I - 1].Name.str(), Ops[I].Name.str());
  for (const OpcodeDesc &Op : Ops)
    EXPECT_GT(Op.Size, 0);
}

// Probing must stay cheap: it runs at every start-up.
TEST(CatalogueTest, BuildTimeIsReported) {
  auto Start = std::chrono::steady_clock::now();
  getSubtarget("riscv64", "+m,+a,+f,+d,+c,+v,+zba,+zbb,+zbc,+zbs");
  double Ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - Start)
                  .count();
  RecordProperty("catalogue_build_ms", std::to_string(Ms));
  std::printf("catalogue build for rv64gcv_zb*: %.1f ms\n", Ms);
}
